package dev.cosbot.ingress;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.cosbot.platform.slack.SlackAuthGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Slack says the app was uninstalled or its bot token revoked: pause sending at once (queued
 * messages wait for a new token instead of failing one by one).
 */
@ApplicationScoped
public class AppLifecycleListeners implements SlackListeners {
  @Inject SlackAuthGate gate;

  @Override
  public void register(App app) {
    app.event(
        AppUninstalledEvent.class,
        (req, ctx) -> {
          gate.pause("app_uninstalled", "the app_uninstalled event");
          return ctx.ack();
        });
    app.event(
        TokensRevokedEvent.class,
        (req, ctx) -> {
          var tokens = req.getEvent().getTokens();
          if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
            gate.pause("tokens_revoked", "the tokens_revoked event");
          }
          return ctx.ack();
        });
  }
}
