package dev.cosbot.ingress;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.cosbot.platform.slack.SlackAuthGate;
import dev.cosbot.platform.slack.SlackSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** When SLACK_APP_TOKEN is set, the same Bolt handlers receive requests over Socket Mode. */
@ApplicationScoped
public class SocketMode {
  private static final Logger LOG = Logger.getLogger(SocketMode.class);

  @Inject SlackSettings settings;
  @Inject SlackApp slackApp;

  private SocketModeApp socketModeApp;

  void start(@Observes @Priority(2000) StartupEvent event) {
    connect();
  }

  /** Slack confirmed the token after a pause (also one at start): connect if not connected yet. */
  void resumed(@Observes SlackAuthGate.Resumed event) {
    connect();
  }

  private synchronized void connect() {
    if (socketModeApp != null || settings.appToken().isEmpty() || slackApp.app().isEmpty()) {
      return;
    }
    try {
      socketModeApp =
          new SocketModeApp(
              settings.appToken().get(),
              slackApp.app().get(),
              SocketModeClient.Backend.JavaWebSocket);
      socketModeApp.startAsync();
      LOG.info("Connected to Slack over Socket Mode");
    } catch (Exception e) {
      LOG.errorf(
          "Socket Mode could not start (%s); check SLACK_APP_TOKEN", e.getClass().getSimpleName());
    }
  }

  void stop(@Observes ShutdownEvent event) {
    if (socketModeApp != null) {
      try {
        socketModeApp.stop();
      } catch (Exception e) {
        LOG.debug("Socket Mode stop failed", e);
      }
    }
  }

  public boolean active() {
    return socketModeApp != null;
  }
}
