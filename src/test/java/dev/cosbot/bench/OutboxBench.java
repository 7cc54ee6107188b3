package dev.cosbot.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.cosbot.platform.db.EmbeddedDatabase;
import dev.cosbot.platform.outbox.SlackCall;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.testsupport.SlackApiTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the outbox benchmarks share: a rate-limited WireMock Slack, the packaged service's
 * environment on an embedded database, a batch of chat.postMessage rows inserted at once, and the
 * tally of what Slack accepted (lost, duplicated, unknown) by delivery mark.
 */
final class OutboxBench {
  private OutboxBench() {}

  /** A started WireMock answering every method, chat.postMessage through {@code limiter}. */
  static WireMockServer rateLimitedSlack(RateLimitedSlack limiter) {
    WireMockServer slack =
        new WireMockServer(
            wireMockConfig()
                .dynamicPort()
                .jettyAcceptors(1)
                .containerThreads(30)
                .disableRequestJournal()
                .extensions(limiter));
    slack.start();
    slack.stubFor(
        any(urlPathMatching("/api/.*"))
            .atPriority(100)
            .willReturn(SlackApiTestResource.okJson(SlackApiTestResource.canned("ok"))));
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .atPriority(10)
            .willReturn(aResponse().withTransformers(RateLimitedSlack.NAME)));
    return slack;
  }

  /** The environment of a service process talking to {@code slack} and {@code database}. */
  static Map<String, String> serviceEnv(WireMockServer slack, EmbeddedDatabase database) {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", SlackApiTestResource.BOT_TOKEN);
    env.put("SLACK_SIGNING_SECRET", SlackApiTestResource.SIGNING_SECRET);
    env.put("SLACK_API_URL", slack.baseUrl() + "/api/");
    env.put("COSBOT_API_TOKEN", "bench-api-token");
    env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
    env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
    env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
    env.put("QUARKUS_LOG_LEVEL", "WARN");
    // An external database needs the pulse's own sealing secret.
    env.put("COSBOT_PULSE_BALLOT_SECRET", "bench-ballot-secret-0123456789abcdef");
    return env;
  }

  static Connection connect(EmbeddedDatabase database) throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
  }

  /**
   * Inserts {@code messages} chat.postMessage rows in one transaction, keyed {@code
   * <prefix>:<run>:<i>} over {@code channels} channels named {@code <channelPrefix>000…}; fills
   * {@code indexByMark} (delivery mark → i) and returns the time of the commit ({@link
   * System#nanoTime()}).
   */
  static long insertPostMessages(
      EmbeddedDatabase database,
      String prefix,
      String run,
      String channelPrefix,
      String textPrefix,
      int messages,
      int channels,
      Map<String, Integer> indexByMark)
      throws SQLException {
    try (Connection c = connect(database)) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO outbox_message (idempotency_key, method, channel, payload, status, attempts, next_attempt_at, created_at)"
                  + " VALUES (?, ?, ?, ?, 'PENDING', 0, now(), now())")) {
        for (int i = 0; i < messages; i++) {
          SlackCall call =
              SlackCalls.postMessage(
                  prefix + ":" + run + ":" + i,
                  String.format(Locale.ROOT, "%s%03d", channelPrefix, i % channels),
                  textPrefix + " " + i + " of run " + run,
                  List.of());
          indexByMark.put(RateLimitedSlack.markOf(call.payload()), i);
          ps.setString(1, call.key());
          ps.setString(2, call.method());
          ps.setString(3, call.channel());
          ps.setString(4, call.payload().toString());
          ps.addBatch();
          if (i % 1000 == 999) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      c.commit();
      return System.nanoTime();
    }
  }

  /**
   * After the last expected call: a few quiet seconds in which a late duplicate, if any, would
   * still arrive (counted by the tally, not asserted here).
   */
  static void waitForLateDuplicates() {
    Duration window = Duration.ofSeconds(3);
    await().pollDelay(window).atMost(window.plusSeconds(1)).until(() -> true);
  }

  /** What Slack accepted, against the rows inserted. */
  record Tally(int lost, int duplicates, int unknown) {}

  static Tally tally(RateLimitedSlack limiter, Map<String, Integer> indexByMark, int messages) {
    Set<Integer> delivered = new HashSet<>();
    int duplicates = 0;
    int unknown = 0;
    for (Map.Entry<String, AtomicInteger> e : limiter.deliveredByMark().entrySet()) {
      Integer index = indexByMark.get(e.getKey());
      if (index == null) {
        unknown += e.getValue().get();
        continue;
      }
      delivered.add(index);
      duplicates += e.getValue().get() - 1;
    }
    return new Tally(messages - delivered.size(), duplicates, unknown);
  }
}
