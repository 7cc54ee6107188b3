package dev.cosbot.ingress;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.cosbot.platform.slack.SlackAuthGate;
import dev.cosbot.platform.slack.SlackClient;
import dev.cosbot.platform.slack.SlackResult;
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
 * and the shared middleware registered. Absent when the bot runs without Slack credentials, and
 * while Slack does not confirm the token (Bolt asks {@code auth.test} when the app is built): then
 * the bot still starts, sending pauses, and the app is built once the token is confirmed.
 */
@ApplicationScoped
public class SlackApp {
  private static final Logger LOG = Logger.getLogger(SlackApp.class);

  @Inject SlackSettings settings;
  @Inject @Any Instance<SlackListeners> listeners;
  @Inject EventDeduplication deduplication;
  @Inject NoLongerAvailable noLongerAvailable;
  @Inject SlackSdk sdk;
  @Inject SlackClient client;
  @Inject SlackAuthGate authGate;

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
        if (app == null && !authGate.paused()) {
          app = tryBuild();
        }
        current = app;
      }
    }
    return Optional.ofNullable(current);
  }

  /** Sending resumed: the token works again, so the app can be built if it was not. */
  void resumed(@Observes SlackAuthGate.Resumed event) {
    app();
  }

  private App tryBuild() {
    try {
      return build();
    } catch (RuntimeException e) {
      // Bolt's auth.test failed. Ask once more through our client to tell a refused token (the
      // client pauses the gate itself) from a Slack that answers nothing usable.
      SlackResult check = client.authTest();
      if (check instanceof SlackResult.Ok) {
        try {
          return build();
        } catch (RuntimeException again) {
          // Bolt's own auth.test failed twice while ours passed: say what Bolt saw (never the
          // token).
          LOG.warnf("Bolt could not start although auth.test answers: %s", again.getMessage());
          authGate.unconfirmed("unusable_answer", "auth.test at start");
          return null;
        }
      }
      if (!(check instanceof SlackResult.AuthFailed)) {
        authGate.unconfirmed(check.code(), "auth.test at start");
      }
      return null;
    }
  }

  private App build() {
    AppConfig config =
        AppConfig.builder()
            .slack(sdk.slack())
            .singleTeamBotToken(settings.botToken().orElseThrow())
            .signingSecret(settings.signingSecret().orElse(null))
            // SlackIngress verifies the signature and timestamp of every HTTP request before it is
            // parsed, and it is the only caller of App.run over HTTP (Socket Mode requests carry no
            // signature): Bolt's own check would compute the same HMAC a second time on every ack.
            .requestVerificationEnabled(false)
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
