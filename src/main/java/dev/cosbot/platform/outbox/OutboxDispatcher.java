package dev.cosbot.platform.outbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cosbot.platform.slack.SlackAuthGate;
import dev.cosbot.platform.slack.SlackClient;
import dev.cosbot.platform.slack.SlackErrors;
import dev.cosbot.platform.slack.SlackResult;
import dev.cosbot.platform.slack.SlackSender;
import dev.cosbot.platform.slack.SlackSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Delivers queued Slack calls: claims one due row at a time (safe across replicas), paces it per
 * method and per channel (this replica's share of the cluster's budget), sends it and records the
 * outcome — sent; retried with capped exponential backoff for as long as it is useful; expired with
 * the reason once it is not; held while the token does not work; dead-lettered (and a person told)
 * only when Slack refuses this one call for good.
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
  @Inject SlackAuthGate authGate;
  @Inject SlackClient client;
  @Inject java.time.Clock clock;
  @Inject jakarta.enterprise.event.Event<DeadLettered> deadLettered;

  private final RateLimits limits = new RateLimits();
  private final OutageLog slackTrouble =
      new OutageLog(LOG, "Slack outage (calls failing)", System::nanoTime);
  private final OutageLog rateLimited =
      new OutageLog(LOG, "Slack rate limiting (429 answers)", System::nanoTime);
  private final OutageLog databaseTrouble =
      new OutageLog(LOG, "Outbox database outage", System::nanoTime);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final List<Thread> workers = new ArrayList<>();
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong dead = new AtomicLong();
  private final AtomicLong oldestPendingAge = new AtomicLong();
  private final AtomicLong replicas = new AtomicLong(1);
  private volatile boolean running;
  private String instance;

  void start(@Observes StartupEvent event) {
    instance =
        ManagementFactory.getRuntimeMXBean().getName()
            + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    Gauge.builder("cosbot_outbox_pending", pending, AtomicLong::get)
        .description("Messages waiting to be delivered to Slack (all replicas)")
        .register(registry);
    Gauge.builder("cosbot_outbox_dead_letters", dead, AtomicLong::get)
        .description(
            "Messages Slack refused for good, waiting for a person (see /cos admin outbox)")
        .register(registry);
    Gauge.builder("cosbot_outbox_oldest_pending_age_seconds", oldestPendingAge, AtomicLong::get)
        .description("Age of the oldest message still waiting to be delivered, in seconds")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("cosbot_outbox_replicas", replicas, AtomicLong::get)
        .description("Live replicas sharing Slack's rate limits (from the Quartz cluster)")
        .register(registry);
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
    wakeAll();
  }

  void resumed(@Observes SlackAuthGate.Resumed event) {
    wakeAll();
  }

  private void wakeAll() {
    lock.lock();
    try {
      work.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void work() {
    while (running) {
      try {
        if (authGate.paused()) {
          // The token does not work: nothing is claimed, so nothing is dead-lettered by it.
          idle();
          continue;
        }
        Optional<ClaimedMessage> next = store.claimNext(instance, settings.lease());
        databaseTrouble.succeeded();
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
        databaseTrouble.failed(e.getClass().getSimpleName(), e.getMessage());
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
    if (message.expiresAt() != null && !message.expiresAt().isAfter(clock.instant())) {
      expire(message, "no longer useful at " + message.expiresAt() + ", not sent late");
      return;
    }
    String body = message.payload();
    if (message.refersTo() != null) {
      Optional<OutboxStore.Delivered> original = store.delivered(message.refersTo());
      if (original.isPresent() && original.get().status() == OutboxStatus.EXPIRED) {
        expire(message, "the message it changes expired unsent");
        return;
      }
      if (original.isEmpty() || original.get().status() == OutboxStatus.DEAD) {
        deadLetter(message, "original_message_not_delivered", SlackErrors.Kind.REQUEST);
        return;
      }
      if (original.get().status() != OutboxStatus.SENT) {
        // Ordering: an update never goes before the post it updates.
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
        store.markSent(
            message.id(), message.key(), instance, lookup.found().channel(), lookup.found().ts());
        registry.counter("cosbot_outbox_reconciled_total").increment();
        LOG.infof(
            "Outbox message %d had reached Slack before its delivery was interrupted; not sending again",
            message.id());
        return;
      }
      if (lookup.slackUnreachable()) {
        // Slack is failing: whether it got the message is asked again later, never guessed now.
        slackTrouble.failed(lookup.unreachable(), "the delivery check of " + message.method());
        store.retryLater(
            message.id(),
            instance,
            client.policy().delayAfter(message.attempts()),
            lookup.unreachable(),
            true,
            true);
        return;
      }
      if (!lookup.answered()) {
        LOG.warnf(
            "Outbox message %d: could not check whether an interrupted delivery reached Slack; sending again",
            message.id());
      }
    }
    RateLimits.Limit methodLimit = methodLimit(message.method());
    RateLimits.Limit channelLimit = channelLimit(message.channel());
    long wait = limits.reserve(System.nanoTime(), MAX_INLINE_WAIT_NANOS, methodLimit, channelLimit);
    if (wait < 0) {
      // The next free slot is far: release the row and come back for it then.
      store.retryLater(message.id(), instance, Duration.ofNanos(-wait - 1), null, false);
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

    SlackResult outcome = sender.send(message.method(), body);
    if (!(outcome instanceof SlackResult.Transient)) {
      slackTrouble.succeeded();
    }
    if (!(outcome instanceof SlackResult.RateLimited)) {
      rateLimited.succeeded();
    }
    if (outcome instanceof SlackResult.Ok ok) {
      store.markSent(message.id(), message.key(), instance, ok.text("channel"), ok.text("ts"));
      registry.counter("cosbot_outbox_sent_total", "method", message.method()).increment();
    } else if (outcome instanceof SlackResult.RateLimited r) {
      limits.pauseUntil(methodLimit, System.nanoTime() + r.retryAfter().toNanos());
      store.retryLater(message.id(), instance, r.retryAfter(), "ratelimited", false);
      rateLimited.failed("Retry-After " + r.retryAfter().toSeconds() + " s", message.method());
    } else if (outcome instanceof SlackResult.Transient t) {
      // Never dead-lettered for a transient fault: retried until Slack takes it or it expires.
      Duration delay = client.policy().delayAfter(message.attempts());
      store.retryLater(message.id(), instance, delay, t.error(), true, t.maybeDelivered());
      slackTrouble.failed(t.error(), message.method());
      LOG.debugf(
          "Outbox message %d (%s) failed with %s; attempt %d, next in %d ms",
          message.id(), message.method(), t.error(), message.attempts(), delay.toMillis());
    } else if (outcome instanceof SlackResult.AuthFailed a) {
      // The gate is paused by the client; the message waits, its attempt not counted.
      store.retryLater(message.id(), instance, Duration.ZERO, a.error(), false);
    } else if (outcome instanceof SlackResult.Failed f) {
      deadLetter(message, f.error(), f.kind());
    }
  }

  private void expire(ClaimedMessage message, String reason) throws Exception {
    store.markExpired(message.id(), instance, reason);
    Counter.builder("cosbot_outbox_expired_total")
        .description("Messages dropped unsent because they stopped being useful")
        .tag("method", message.method())
        .register(registry)
        .increment();
    LOG.infof("Outbox message %d (%s) expired: %s", message.id(), message.method(), reason);
  }

  /**
   * This replica's share of the cluster's budget for a method: the configured calls per minute
   * times the headroom, divided among the live replicas; the burst is this replica's share of one
   * second's worth, so all replicas together never start with more than the shared budget.
   */
  RateLimits.Limit methodLimit(String method) {
    long share = Math.max(1, replicas.get());
    double clusterPerSecond =
        settings.perMinute().getOrDefault(method, settings.defaultPerMinute())
            / 60.0
            * settings.headroom();
    return new RateLimits.Limit(
        "method:" + method,
        clusterPerSecond / share,
        Math.max(1, (int) Math.floor(clusterPerSecond / share)));
  }

  /** This replica's share of Slack's per-channel pace, or null for calls without a channel. */
  RateLimits.Limit channelLimit(String channel) {
    if (channel == null) {
      return null;
    }
    long share = Math.max(1, replicas.get());
    return new RateLimits.Limit(
        "channel:" + channel,
        settings.perChannelPerSecond() * settings.headroom() / share,
        Math.max(1, (int) Math.floor(settings.perChannelBurst() / (double) share)));
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

  private void deadLetter(ClaimedMessage message, String error, SlackErrors.Kind kind)
      throws Exception {
    store.markDead(message.id(), instance, error);
    Counter.builder("cosbot_outbox_dead_lettered_total")
        .description("Messages Slack refused for good (bot not in channel, bad blocks…)")
        .tag("method", message.method())
        .register(registry)
        .increment();
    LOG.errorf(
        "Outbox message %d (%s, key %s) dead-lettered: %s. See /cos admin outbox.",
        message.id(), message.method(), message.key(), error);
    try {
      deadLettered.fire(
          new DeadLettered(
              message.id(), message.key(), message.method(), message.channel(), error, kind));
    } catch (RuntimeException e) {
      LOG.warnf("Could not tell anyone about dead letter %d: %s", message.id(), e.getMessage());
    }
  }

  private void refreshGauges() {
    while (running) {
      try {
        pending.set(store.count(OutboxStatus.PENDING) + store.count(OutboxStatus.SENDING));
        dead.set(store.count(OutboxStatus.DEAD));
        oldestPendingAge.set(store.oldestPendingAgeSeconds());
        replicas.set(Math.max(1, store.liveReplicas(settings.replicaCheckin())));
      } catch (Exception e) {
        LOG.debug("Outbox gauges not refreshed", e);
      }
      try {
        Thread.sleep(settings.gaugeInterval().toMillis());
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
