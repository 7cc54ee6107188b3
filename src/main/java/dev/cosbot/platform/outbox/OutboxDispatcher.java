package dev.cosbot.platform.outbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cosbot.platform.slack.SendOutcome;
import dev.cosbot.platform.slack.SlackSender;
import dev.cosbot.platform.slack.SlackSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Delivers queued Slack calls: claims one due row at a time (safe across replicas), paces it per
 * method and per channel, sends it and records the outcome — sent, retry later with exponential
 * backoff, wait out a 429, or dead-letter with Slack's error.
 */
@ApplicationScoped
public class OutboxDispatcher {
  private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);

  /** A wait shorter than this is slept through while holding the claim; longer ones release it. */
  private static final long MAX_INLINE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1500);

  @Inject OutboxStore store;
  @Inject SlackSender sender;
  @Inject OutboxSettings settings;
  @Inject SlackSettings slackSettings;
  @Inject MeterRegistry registry;

  private final RateLimits limits = new RateLimits();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final List<Thread> workers = new ArrayList<>();
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong dead = new AtomicLong();
  private volatile boolean running;
  private String instance;

  void start(@Observes StartupEvent event) {
    instance =
        ManagementFactory.getRuntimeMXBean().getName()
            + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    registry.gauge("cosbot_outbox_pending", pending);
    registry.gauge("cosbot_outbox_dead_letters", dead);
    if (!slackSettings.canCallSlack()) {
      LOG.warn(
          "Outbox is holding messages: no SLACK_BOT_TOKEN, nothing is sent until one is configured");
      return;
    }
    running = true;
    for (int i = 0; i < settings.workers(); i++) {
      Thread worker = new Thread(this::work, "outbox-worker-" + i);
      worker.start();
      workers.add(worker);
    }
    Thread gauges = new Thread(this::refreshGauges, "outbox-gauges");
    gauges.setDaemon(true);
    gauges.start();
    LOG.infof("Outbox delivering with %d workers as %s", settings.workers(), instance);
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    workers.forEach(Thread::interrupt);
    for (Thread worker : workers) {
      try {
        worker.join(TimeUnit.SECONDS.toMillis(12));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxEnqueued event) {
    lock.lock();
    try {
      work.signal();
    } finally {
      lock.unlock();
    }
  }

  private void work() {
    while (running) {
      try {
        Optional<ClaimedMessage> next = store.claimNext(instance, settings.lease());
        if (next.isPresent()) {
          deliver(next.get());
        } else {
          idle();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        // Database unreachable or similar: keep the worker alive and try again shortly.
        LOG.warnf("Outbox worker could not reach the database: %s", e.getMessage());
        try {
          Thread.sleep(2000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  private void idle() throws InterruptedException {
    lock.lock();
    try {
      work.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      lock.unlock();
    }
  }

  private void deliver(ClaimedMessage message) throws Exception {
    if (message.takenOver()) {
      LOG.infof(
          "Outbox message %d: earlier delivery attempt did not finish; trying again", message.id());
    }
    String body = message.payload();
    if (message.refersTo() != null) {
      Optional<OutboxStore.Delivered> original = store.delivered(message.refersTo());
      if (original.isEmpty() || original.get().status() == OutboxStatus.DEAD) {
        deadLetter(message, "original_message_not_delivered");
        return;
      }
      if (original.get().status() != OutboxStatus.SENT) {
        store.retryLater(message.id(), instance, Duration.ofSeconds(1), null, false);
        return;
      }
      body = withOriginal(message, original.get());
    }
    if (message.mayAlreadyBeDelivered()
        && "chat.postMessage".equals(message.method())
        && settings.reconcile()) {
      SlackSender.Lookup lookup = sender.findDelivered(body, message.key(), message.createdAt());
      if (lookup.found() != null) {
        store.markSent(message.id(), instance, lookup.found().channel(), lookup.found().ts());
        registry.counter("cosbot_outbox_reconciled_total").increment();
        LOG.infof(
            "Outbox message %d had reached Slack before its delivery was interrupted; not sending again",
            message.id());
        return;
      }
      if (!lookup.answered()) {
        LOG.warnf(
            "Outbox message %d: could not check whether an interrupted delivery reached Slack; sending again",
            message.id());
      }
    }
    String methodKey = "method:" + message.method();
    double methodRate =
        settings.perMinute().getOrDefault(message.method(), settings.defaultPerMinute()) / 60.0;
    int methodBurst = Math.max(1, (int) Math.ceil(methodRate));
    String channelKey = message.channel() == null ? null : "channel:" + message.channel();
    long wait = paceWait(methodKey, methodRate, methodBurst, channelKey);
    if (wait > MAX_INLINE_WAIT_NANOS) {
      store.retryLater(message.id(), instance, Duration.ofNanos(wait), null, false);
      return;
    }
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        store.retryLater(message.id(), instance, Duration.ZERO, null, false);
        throw e;
      }
    }
    long now = System.nanoTime();
    limits.take(methodKey, methodRate, now);
    if (channelKey != null) {
      limits.take(channelKey, settings.perChannelPerSecond(), now);
    }

    SendOutcome outcome = sender.send(message.method(), body);
    if (outcome instanceof SendOutcome.Delivered d) {
      store.markSent(message.id(), instance, d.channel(), d.ts());
      registry.counter("cosbot_outbox_sent_total", "method", message.method()).increment();
    } else if (outcome instanceof SendOutcome.RateLimited r) {
      countError(message.method(), "ratelimited");
      limits.pauseUntil(
          methodKey, System.nanoTime() + r.retryAfter().toNanos(), methodRate, methodBurst);
      store.retryLater(message.id(), instance, r.retryAfter(), "ratelimited", false);
      LOG.infof(
          "Slack rate-limited %s: waiting %ds as asked",
          message.method(), r.retryAfter().toSeconds());
    } else if (outcome instanceof SendOutcome.Transient t) {
      countError(message.method(), t.error());
      if (message.attempts() >= settings.maxAttempts()) {
        deadLetter(message, t.error() + " (after " + message.attempts() + " attempts)");
      } else {
        Duration delay = backoff(message.attempts());
        store.retryLater(message.id(), instance, delay, t.error(), true, t.maybeDelivered());
        LOG.infof(
            "Outbox message %d (%s) failed with %s; attempt %d, next in %d ms",
            message.id(), message.method(), t.error(), message.attempts(), delay.toMillis());
      }
    } else if (outcome instanceof SendOutcome.Permanent p) {
      countError(message.method(), p.error());
      deadLetter(message, p.error());
    }
  }

  private long paceWait(String methodKey, double methodRate, int methodBurst, String channelKey) {
    long now = System.nanoTime();
    long wait = limits.waitNanos(methodKey, methodRate, methodBurst, now);
    if (channelKey != null) {
      wait =
          Math.max(
              wait,
              limits.waitNanos(
                  channelKey, settings.perChannelPerSecond(), settings.perChannelBurst(), now));
    }
    return wait;
  }

  private String withOriginal(ClaimedMessage message, OutboxStore.Delivered original) {
    JsonObject json = JsonParser.parseString(message.payload()).getAsJsonObject();
    json.addProperty("channel", original.channel());
    if ("chat.update".equals(message.method()) || "chat.delete".equals(message.method())) {
      json.addProperty("ts", original.ts());
    }
    if (json.has("thread_ts")) {
      json.addProperty("thread_ts", original.ts());
    }
    return json.toString();
  }

  private void deadLetter(ClaimedMessage message, String error) throws Exception {
    store.markDead(message.id(), instance, error);
    registry.counter("cosbot_outbox_dead_lettered_total", "method", message.method()).increment();
    LOG.errorf(
        "Outbox message %d (%s, key %s) dead-lettered: %s. See /cos admin outbox.",
        message.id(), message.method(), message.key(), error);
  }

  private void countError(String method, String error) {
    registry.counter("cosbot_slack_api_errors_total", "method", method, "error", error).increment();
  }

  private Duration backoff(int attempts) {
    long base = settings.initialBackoff().toMillis() << Math.min(attempts - 1, 20);
    long capped = Math.min(base, settings.maxBackoff().toMillis());
    long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, capped / 5));
    return Duration.ofMillis(capped + jitter);
  }

  private void refreshGauges() {
    while (running) {
      try {
        pending.set(store.count(OutboxStatus.PENDING) + store.count(OutboxStatus.SENDING));
        dead.set(store.count(OutboxStatus.DEAD));
      } catch (Exception e) {
        LOG.debug("Outbox gauges not refreshed", e);
      }
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** This instance's name in claims (for logs and tests). */
  public String instance() {
    return instance;
  }
}
