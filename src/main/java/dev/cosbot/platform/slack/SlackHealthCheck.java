package dev.cosbot.platform.slack;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Tells the operator whether Slack accepts the bot token. A wellness check, not readiness: while
 * paused the pod keeps answering Slack's requests and queues what it would send.
 */
@Wellness
@ApplicationScoped
public class SlackHealthCheck implements HealthCheck {
  @Inject SlackAuthGate gate;
  @Inject SlackSettings settings;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("slack");
    if (!settings.canCallSlack()) {
      return response.down().withData("reason", "offline: no SLACK_BOT_TOKEN configured").build();
    }
    if (gate.paused() && !gate.refused()) {
      return response
          .down()
          .withData("reason", "Slack did not confirm the bot token: auth.test " + gate.reason())
          .withData("paused_since", String.valueOf(gate.since()))
          .withData("what_to_do", "nothing yet: cos-bot checks again with back-off and resumes")
          .build();
    }
    if (gate.paused()) {
      return response
          .down()
          .withData("reason", "Slack refused the bot token: " + gate.reason())
          .withData("paused_since", String.valueOf(gate.since()))
          .withData("what_to_do", "install the app again or set a new SLACK_BOT_TOKEN")
          .build();
    }
    return response.up().build();
  }
}
