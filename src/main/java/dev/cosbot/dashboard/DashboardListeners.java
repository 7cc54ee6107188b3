package dev.cosbot.dashboard;

import com.slack.api.bolt.App;
import dev.cosbot.ingress.SlackListeners;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;

/**
 * The Home tab's "Open the dashboard" button: a fresh link by DM. The DM expires with the link, so
 * a message delayed by a Slack outage is dropped rather than delivered dead.
 */
@ApplicationScoped
public class DashboardListeners implements SlackListeners {
  @Inject DashboardSignIn signIn;
  @Inject DashboardSettings settings;
  @Inject Outbox outbox;
  @Inject Clock clock;

  @Override
  public void register(App app) {
    app.blockAction(
        DashboardMessages.ACTION_OPEN,
        (req, ctx) -> {
          String user = req.getPayload().getUser().getId();
          String trigger = req.getPayload().getTriggerId();
          String url = signIn.issueLink(user);
          outbox.send(
              SlackCalls.postMessage(
                      "dashboard-link:"
                          + user
                          + ":"
                          + (trigger == null ? UUID.randomUUID() : trigger),
                      user,
                      DashboardMessages.link(url, settings.linkValidFor().toMinutes()),
                      null)
                  .expiringAt(clock.instant().plus(settings.linkValidFor())));
          return ctx.ack();
        });
  }
}
