package dev.cosbot.platform.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one Slack SDK instance, pointed at SLACK_API_URL, shared by the Bolt app (ingress) and the
 * Web API reads, so the platform layer never needs the ingress layer to reach Slack.
 */
@ApplicationScoped
public class SlackSdk {
  @Inject SlackSettings settings;

  private volatile Slack slack;

  /** The Slack SDK configured with SLACK_API_URL. */
  public Slack slack() {
    Slack current = slack;
    if (current == null) {
      synchronized (this) {
        if (slack == null) {
          SlackConfig config = new SlackConfig();
          config.setMethodsEndpointUrlPrefix(settings.apiBaseUrl());
          config.setPrettyResponseLoggingEnabled(false);
          config.setLibraryMaintainerMode(false);
          config.setFailOnUnknownProperties(false);
          slack = Slack.getInstance(config);
        }
        current = slack;
      }
    }
    return current;
  }

  /** A Web API client authorised with the bot token (callers check {@code canCallSlack()}). */
  public MethodsClient methods() {
    return slack().methods(settings.botToken().orElseThrow());
  }
}
