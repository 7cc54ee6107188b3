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
  private volatile boolean refused;
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

  /** True when Slack refused the token (not merely left it unconfirmed). */
  public boolean refused() {
    return reason != null && refused;
  }

  /**
   * Pauses all sending: {@code error} is Slack's code ({@code invalid_auth}…) or the event that
   * told us ({@code app_uninstalled}, {@code tokens_revoked}). Logged once per pause, as an ERROR.
   */
  public void pause(String error, String seenOn) {
    pause(error, true, seenOn);
  }

  /**
   * Pauses all sending because Slack could not confirm the token ({@code auth.test} answered
   * nothing usable: an error page, garbage, a timeout), typically at start. Same pause and probe as
   * a refused token, logged once as a WARN: nothing says the token is wrong yet.
   */
  public void unconfirmed(String error, String seenOn) {
    pause(error, false, seenOn);
  }

  private void pause(String error, boolean byRefusal, String seenOn) {
    lock.lock();
    try {
      if (reason != null) {
        if (byRefusal && !refused) {
          // Slack has now answered, and said no: that is worth the operator's attention.
          reason = error;
          refused = true;
          logRefused(error, seenOn);
        }
        return;
      }
      reason = error;
      refused = byRefusal;
      since = Instant.now();
      registry.counter("cosbot_slack_auth_pauses_total", "reason", error).increment();
      if (byRefusal) {
        logRefused(error, seenOn);
      } else {
        LOG.warnf(
            "Slack did not confirm the bot token (%s on %s): sending is PAUSED, nothing is dropped."
                + " Checking with auth.test until Slack answers.",
            error, seenOn);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private static void logRefused(String error, String seenOn) {
    LOG.errorf(
        "Slack refused the bot token (%s on %s): sending is PAUSED, nothing is dropped. Messages"
            + " wait until the token works again; checking with auth.test. See docs/operations.md"
            + " (Paused: the token does not work).",
        error, seenOn);
  }

  private void resume() {
    String was;
    lock.lock();
    try {
      was = reason;
      reason = null;
      refused = false;
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
