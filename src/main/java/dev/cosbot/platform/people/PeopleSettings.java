package dev.cosbot.platform.people;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Who runs cos-bot and how fresh the people directory is kept. */
@ConfigMapping(prefix = "cosbot.people")
public interface PeopleSettings {
  /** Slack user ids of the Chiefs of Staff (COSBOT_ADMINS); always admins, even after a restart. */
  Optional<List<String>> admins();

  /** Slack user id of the executive (COSBOT_CXO); used until `/cos admin cxo` names someone. */
  Optional<String> cxo();

  /** A person's profile older than this is refreshed from Slack (users.info) when next needed. */
  @WithDefault("PT12H")
  Duration staleAfter();

  /**
   * Pause between two users.list pages: the method is Tier 2 (about 20 calls a minute), so 3 s
   * keeps the first-start fill and the nightly sync inside it.
   */
  @WithDefault("PT3S")
  Duration listPagePause();

  /** When the whole directory is re-read from Slack (users.list), as a Quartz cron expression. */
  @WithDefault("0 30 4 * * ?")
  String syncCron();
}
