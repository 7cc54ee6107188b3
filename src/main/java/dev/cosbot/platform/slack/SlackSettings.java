package dev.cosbot.platform.slack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How cos-bot reaches Slack. */
@ConfigMapping(prefix = "cosbot.slack")
public interface SlackSettings {
  /** Bot token (xoxb-…): SLACK_BOT_TOKEN. Without it the bot runs offline and queues messages. */
  Optional<String> botToken();

  /** Signing secret that proves requests come from Slack: SLACK_SIGNING_SECRET. */
  Optional<String> signingSecret();

  /** App-level token (xapp-…): SLACK_APP_TOKEN. When set, requests arrive over Socket Mode. */
  Optional<String> appToken();

  /** Base URL of the Slack Web API, ending with "/": SLACK_API_URL (GovSlack, tests). */
  @WithDefault("https://slack.com/api/")
  String apiUrl();

  /** True when the bot can call the Web API. */
  default boolean canCallSlack() {
    return botToken().isPresent();
  }

  /** True when Slack requests can be verified and handled over HTTP. */
  default boolean canReceiveHttp() {
    return botToken().isPresent() && signingSecret().isPresent();
  }

  /** The API URL with exactly one trailing slash. */
  default String apiBaseUrl() {
    String url = apiUrl().trim();
    return url.endsWith("/") ? url : url + "/";
  }
}
