package dev.cosbot.bench;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WireMock as a rate-limited Slack: a token bucket ({@code perSecond}, {@code burst}) in front of
 * chat.postMessage. A call with a token gets {@code ok:true} and is counted under its delivery mark
 * (the message metadata the outbox attaches: a hash of the idempotency key); a call without one
 * gets 429 with {@code Retry-After} (whole seconds, at least 1) and {@code error: ratelimited}, as
 * Slack does.
 */
public final class RateLimitedSlack implements ResponseDefinitionTransformerV2 {
  public static final String NAME = "bench-rate-limit";

  private final double perSecond;
  private final double burst;
  private double tokens;
  private long refilledAt = System.nanoTime();

  private final Map<String, AtomicInteger> deliveredByMark = new ConcurrentHashMap<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger rejected = new AtomicInteger();
  private final AtomicLong firstAcceptedNanos = new AtomicLong();
  private final AtomicLong lastAcceptedNanos = new AtomicLong();
  private final AtomicLong ts = new AtomicLong(1_700_000_000_000_000L);
  private final ConcurrentLinkedQueue<Long> acceptedAt = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Long> rejectedAt = new ConcurrentLinkedQueue<>();

  public RateLimitedSlack(double perSecond, int burst) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    double wait = take();
    if (wait > 0) {
      rejected.incrementAndGet();
      rejectedAt.add(System.nanoTime());
      long retryAfter = Math.max(1, (long) Math.ceil(wait));
      return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition()
          .withStatus(429)
          .withHeader("Retry-After", String.valueOf(retryAfter))
          .withHeader("Content-Type", "application/json; charset=utf-8")
          .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")
          .build();
    }
    long now = System.nanoTime();
    firstAcceptedNanos.compareAndSet(0, now);
    lastAcceptedNanos.accumulateAndGet(now, Math::max);
    accepted.incrementAndGet();
    acceptedAt.add(now);
    JsonObject body =
        JsonParser.parseString(serveEvent.getRequest().getBodyAsString()).getAsJsonObject();
    String channel = body.has("channel") ? body.get("channel").getAsString() : "C0DEFAULT";
    String mark = markOf(body);
    deliveredByMark.computeIfAbsent(mark, m -> new AtomicInteger()).incrementAndGet();
    long t = ts.incrementAndGet();
    return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition()
        .withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(
            "{\"ok\":true,\"channel\":\""
                + channel
                + "\",\"ts\":\""
                + (t / 1_000_000)
                + "."
                + String.format("%06d", t % 1_000_000)
                + "\"}")
        .build();
  }

  /** Seconds until a token is free, or 0 after taking one. */
  private synchronized double take() {
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (1 - tokens) / perSecond;
  }

  /** The delivery mark in a chat.postMessage body (metadata.event_payload.mark), or "unmarked". */
  public static String markOf(JsonObject body) {
    try {
      return body.getAsJsonObject("metadata")
          .getAsJsonObject("event_payload")
          .get("mark")
          .getAsString();
    } catch (RuntimeException e) {
      return "unmarked";
    }
  }

  public Map<String, AtomicInteger> deliveredByMark() {
    return deliveredByMark;
  }

  public int accepted() {
    return accepted.get();
  }

  public int rejected() {
    return rejected.get();
  }

  /** System.nanoTime() of every accepted call, in arrival order. */
  public List<Long> acceptedTimes() {
    return List.copyOf(acceptedAt);
  }

  /** System.nanoTime() of every call answered 429. */
  public List<Long> rejectedTimes() {
    return List.copyOf(rejectedAt);
  }

  public long firstAcceptedNanos() {
    return firstAcceptedNanos.get();
  }

  public long lastAcceptedNanos() {
    return lastAcceptedNanos.get();
  }
}
