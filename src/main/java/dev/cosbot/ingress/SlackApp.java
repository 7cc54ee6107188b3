package dev.cosbot.ingress;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.cosbot.platform.slack.SlackSdk;
import dev.cosbot.platform.slack.SlackSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Owns the single Bolt {@link App}: built once from configuration, with every feature's listeners
 * and the shared middleware registered. Absent when the bot runs without Slack credentials.
 */
@ApplicationScoped
public class SlackApp {
  private static final Logger LOG = Logger.getLogger(SlackApp.class);

  @Inject SlackSettings settings;
  @Inject @Any Instance<SlackListeners> listeners;
  @Inject EventDeduplication deduplication;
  @Inject NoLongerAvailable noLongerAvailable;
  @Inject SlackSdk sdk;

  private volatile App app;

  void onStart(@Observes StartupEvent event) {
    if (!settings.canCallSlack()) {
      LOG.warn(
          "cos-bot is OFFLINE: SLACK_BOT_TOKEN is not set. /slack/events answers 503 and outbound"
              + " messages stay queued until credentials are configured.");
      return;
    }
    if (settings.appToken().isEmpty() && settings.signingSecret().isEmpty()) {
      LOG.warn(
          "SLACK_SIGNING_SECRET is not set: Slack requests over HTTP are refused (503) until it is."
              + " Outbound messages are still delivered.");
    }
    app();
    LOG.infof("Slack Web API at %s", settings.apiBaseUrl());
  }

  /** The Bolt app, or empty when no bot token is configured. */
  public Optional<App> app() {
    if (!settings.canCallSlack()) {
      return Optional.empty();
    }
    App current = app;
    if (current == null) {
      synchronized (this) {
        if (app == null) {
          app = build();
        }
        current = app;
      }
    }
    return Optional.of(current);
  }

  private App build() {
    AppConfig config =
        AppConfig.builder()
            .slack(sdk.slack())
            .singleTeamBotToken(settings.botToken().orElseThrow())
            .signingSecret(settings.signingSecret().orElse(null))
            .allEventsApiAutoAckEnabled(true)
            .subtypedMessageEventsAutoAckEnabled(true)
            .build();
    App built = new App(config);
    built.use(deduplication);
    built.use(noLongerAvailable);
    for (SlackListeners feature : listeners) {
      feature.register(built);
    }
    return built;
  }
}
