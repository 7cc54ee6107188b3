package dev.cosbot.digest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** When the CXO digest is sent and how much of it fits in one message. */
@ConfigMapping(prefix = "cosbot.digest")
public interface DigestSettings {
  /** Local time (the reader's Slack time zone) at which the digest is sent on working days. */
  @WithDefault("07:30")
  LocalTime sendAt();

  /** A digest not sent by this local time (the bot was down all day) is skipped for that day. */
  @WithDefault("18:00")
  LocalTime latest();

  /** Working days on which a digest is sent. */
  @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
  Set<DayOfWeek> days();

  /** Dates (yyyy-MM-dd) on which no digest is sent. */
  Optional<List<LocalDate>> holidays();

  /**
   * How often the clustered sweep checks whether a digest is due (Quartz cron; "off" disables it).
   */
  @WithDefault("0 */5 * * * ?")
  String sweepCron();

  /** At most this many lines are shown per section; the rest are counted ("and N more"). */
  @WithDefault("10")
  int maxItemsPerSection();

  /** At most this many teams are shown in the risk radar. */
  @WithDefault("8")
  int maxRadarTeams();
}
