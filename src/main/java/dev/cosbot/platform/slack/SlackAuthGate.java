package dev.cosbot.platform.slack;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Holds sending while the bot's token does not work (revoked, expired, app uninstalled): messages
 * wait instead of being dead-lettered, {@code auth.test} is probed with back-off, and everything
 * resumes by itself once the token (or a new one after a restart) works again.
 */
@ApplicationScoped
public class SlackAuthGate {
  private static final Logger LOG = Logger.getLogger(SlackAuthGate.class);

  /** Fired (synchronously) when sending resumes after a pause. */
  public record Resumed(String after) {}

  @Inject SlackClient client;
  @Inject SlackSettings settings;
  @Inject SlackClientSettings clientSettings;
  @Inject MeterRegistry registry;
  @Inject Event<Resumed> resumed;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private volatile String reason;
  private volatile Instant since;
  private volatile boolean running;
  private Thread prober;

  void start(@Observes StartupEvent event) {
    Gauge.builder("cosbot_slack_paused", this, g -> g.paused() ? 1 : 0)
        .description(
            "1 while sending to Slack is paused because the bot token does not work (see /q/health)")
        .register(registry);
    if (!settings.canCallSlack()) {
      return;
    }
    running = true;
    prober = new Thread(this::probeLoop, "slack-auth-probe");
    prober.setDaemon(true);
    prober.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    if (prober != null) {
      prober.interrupt();
    }
  }

  /** True while nothing should be sent to Slack. */
  public boolean paused() {
    return reason != null;
  }

  /** Why sending is paused (a Slack error code or event), or null. */
  public String reason() {
    return reason;
  }

  /** Since when sending is paused, or null. */
  public Instant since() {
    return since;
  }

  /**
   * Pauses all sending: {@code error} is Slack's code ({@code invalid_auth}…) or the event that
   * told us ({@code app_uninstalled}, {@code tokens_revoked}). Logged once per pause.
   */
  public void pause(String error, String seenOn) {
    lock.lock();
    try {
      if (reason != null) {
        return;
      }
      reason = error;
      since = Instant.now();
      registry.counter("cosbot_slack_auth_pauses_total", "reason", error).increment();
      LOG.errorf(
          "Slack refused the bot token (%s on %s): sending is PAUSED, nothing is dropped. Messages"
              + " wait until the token works again; checking with auth.test. See docs/operations.md"
              + " (Paused: the token does not work).",
          error, seenOn);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void resume() {
    String was;
    lock.lock();
    try {
      was = reason;
      reason = null;
      since = null;
    } finally {
      lock.unlock();
    }
    if (was != null) {
      LOG.infof("Slack accepts the bot token again (was %s): sending resumed", was);
      resumed.fire(new Resumed(was));
    }
  }

  /** Runs one probe now (for tests and the operator). Returns true when the token works. */
  public boolean probe() {
    SlackResult result = client.authTest();
    if (result instanceof SlackResult.Ok) {
      resume();
      return true;
    }
    return false;
  }

  private void probeLoop() {
    int failures = 0;
    while (running) {
      try {
        lock.lock();
        try {
          while (running && reason == null) {
            failures = 0;
            changed.await();
          }
        } finally {
          lock.unlock();
        }
        Duration wait =
            new RetryPolicy(clientSettings.authProbeInitial(), clientSettings.maxBackoff())
                .delayAfter(failures + 1);
        Thread.sleep(wait.toMillis());
        if (running && reason != null && !probe()) {
          failures++;
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.debug("auth.test probe failed", e);
        failures++;
      }
    }
  }
}
