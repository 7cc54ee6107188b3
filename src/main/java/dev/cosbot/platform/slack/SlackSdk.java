package dev.cosbot.platform.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one Slack SDK instance, pointed at SLACK_API_URL and running on {@link SlackClient}'s HTTP
 * client (timeouts, connection pool), shared by the Bolt app (ingress) and the typed reads.
 */
@ApplicationScoped
public class SlackSdk {
  @Inject SlackSettings settings;
  @Inject SlackClient client;

  /** The Slack SDK configured with SLACK_API_URL. */
  public Slack slack() {
    return client.slack();
  }

  /** A Web API client authorised with the bot token (callers check {@code canCallSlack()}). */
  public MethodsClient methods() {
    return slack().methods(settings.botToken().orElseThrow());
  }
}
