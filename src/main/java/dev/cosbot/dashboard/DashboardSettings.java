package dev.cosbot.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Web dashboard settings (README: Configuration, Dashboard). */
@ConfigMapping(prefix = "cosbot.dashboard")
public interface DashboardSettings {
  /**
   * Public base URL of cos-bot (COSBOT_PUBLIC_URL), e.g. {@code https://cosbot.example.com}:
   * sign-in links point there; an {@code https} URL makes the session cookie Secure.
   */
  Optional<String> publicUrl();

  /** How long a one-time sign-in link works. */
  @WithDefault("PT5M")
  Duration linkValidFor();

  /** How long a browser session lasts, however active (then sign in again). */
  @WithDefault("PT8H")
  Duration sessionValidFor();

  /** The Slack app's client id: with the secret, enables "Sign in with Slack". */
  Optional<String> slackClientId();

  /** The Slack app's client secret. */
  Optional<String> slackClientSecret();

  /** Base URL used in links, without a trailing slash. */
  default String base() {
    String url = publicUrl().filter(u -> !u.isBlank()).orElse("http://localhost:8080");
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Whether "Sign in with Slack" is offered. */
  default boolean slackSignIn() {
    return slackClientId().filter(s -> !s.isBlank()).isPresent()
        && slackClientSecret().filter(s -> !s.isBlank()).isPresent();
  }
}
