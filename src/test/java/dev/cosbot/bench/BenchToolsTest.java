package dev.cosbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark tools themselves: percentiles, the section rewrite, the open-loop schedule, the
 * token bucket.
 */
class BenchToolsTest {

  @Test
  void percentilesAreNearestRank() {
    Latencies l = new Latencies();
    for (int i = 1; i <= 100; i++) {
      l.add(i * 1_000_000L);
    }
    assertThat(l.count()).isEqualTo(100);
    assertThat(l.percentileMillis(0.50)).isEqualTo(50.0);
    assertThat(l.percentileMillis(0.99)).isEqualTo(99.0);
    assertThat(l.percentileMillis(1.0)).isEqualTo(100.0);
    assertThat(l.maxMillis()).isEqualTo(100.0);
    assertThat(new Latencies().percentileMillis(0.5)).isNaN();
  }

  @Test
  void publishRewritesOnlyItsOwnSection(@TempDir Path dir) throws Exception {
    Path docs = dir.resolve("benchmarks.md");
    Files.writeString(
        docs,
        "# Benchmarks\n\nintro\n\n<!-- bench:a -->\nold a\n<!-- /bench:a -->\n\n## Feature benchmarks\n");
    String previous = System.getProperty("bench.docs");
    System.setProperty("bench.docs", docs.toString());
    try {
      BenchReport.publish("a", "new a");
      BenchReport.publish("b", "first b");
      BenchReport.publish("b", "second b");
    } finally {
      if (previous == null) {
        System.clearProperty("bench.docs");
      } else {
        System.setProperty("bench.docs", previous);
      }
    }
    String text = Files.readString(docs);
    assertThat(text)
        .contains(
            "intro",
            "<!-- bench:a -->\nnew a\n<!-- /bench:a -->",
            "## Feature benchmarks",
            "<!-- bench:b -->\nsecond b\n<!-- /bench:b -->");
    assertThat(text).doesNotContain("old a", "first b");
    assertThat(text.indexOf("## Feature benchmarks")).isLessThan(text.indexOf("<!-- bench:b -->"));
  }

  @Test
  void machineAndCommandNameWhatRan() {
    assertThat(BenchReport.machine())
        .contains("CPUs (nproc)", "RAM", System.getProperty("java.version"), "UTC");
    assertThat(BenchReport.command("FooBenchmark")).startsWith("./mvnw -o -B -Pbench verify");
  }

  @Test
  void openLoopSendsOnScheduleAndCountsStatuses() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    AtomicInteger n = new AtomicInteger();
    server.createContext(
        "/",
        exchange -> {
          int status = n.incrementAndGet() % 10 == 0 ? 500 : 200;
          byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    String url = "http://localhost:" + server.getAddress().getPort() + "/";
    long started = System.nanoTime();
    try (OpenLoopLoad load = new OpenLoopLoad()) {
      OpenLoopLoad.Result r =
          load.run(
              "t",
              "k",
              100,
              1,
              () -> OpenLoopLoad.post(url, "text/plain", "x").build(),
              s -> s == 200);
      assertThat(r.sent()).isEqualTo(100);
      assertThat(r.outcomes()).containsEntry("200", 90).containsEntry("500", 10);
      assertThat(r.errors()).isEqualTo(10);
      assertThat(r.latencies().count()).isEqualTo(90);
      assertThat(r.p50()).isGreaterThan(0);
    } finally {
      server.stop(0);
    }
    assertThat((System.nanoTime() - started) / 1e9)
        .as("100 requests at 100 req/s take about a second")
        .isGreaterThan(0.95);
  }

  @Test
  void tokenBucketAcceptsTheBurstThenAsksToRetryAfterAtLeastOneSecond() {
    RateLimitedSlack limiter = new RateLimitedSlack(2, 3);
    var slack =
        new com.github.tomakehurst.wiremock.WireMockServer(
            com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig()
                .dynamicPort()
                .jettyAcceptors(1)
                .extensions(limiter));
    slack.start();
    try {
      slack.stubFor(
          com.github.tomakehurst.wiremock.client.WireMock.post("/api/chat.postMessage")
              .willReturn(
                  com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                      .withTransformers(RateLimitedSlack.NAME)));
      var http = java.net.http.HttpClient.newHttpClient();
      int ok = 0;
      int limited = 0;
      String retryAfter = null;
      for (int i = 0; i < 5; i++) {
        String body =
            "{\"channel\":\"C1\",\"metadata\":{\"event_type\":\"cosbot_delivery\",\"event_payload\":{\"mark\":\"m"
                + (i % 2)
                + "\"}}}";
        var response = send(http, slack.baseUrl() + "/api/chat.postMessage", body);
        if (response.statusCode() == 200) {
          ok++;
          assertThat(
                  JsonParser.parseString(response.body())
                      .getAsJsonObject()
                      .get("ok")
                      .getAsBoolean())
              .isTrue();
        } else {
          limited++;
          assertThat(response.statusCode()).isEqualTo(429);
          assertThat(response.body()).contains("ratelimited");
          retryAfter = response.headers().firstValue("Retry-After").orElseThrow();
        }
      }
      assertThat(ok).as("the bucket's 3 tokens (plus at most one refilled)").isBetween(3, 4);
      assertThat(limited).isEqualTo(5 - ok);
      assertThat(retryAfter).isEqualTo("1");
      assertThat(limiter.accepted()).isEqualTo(ok);
      assertThat(limiter.rejected()).isEqualTo(limited);
      assertThat(limiter.deliveredByMark().values().stream().mapToInt(AtomicInteger::get).sum())
          .isEqualTo(ok);
    } finally {
      slack.stop();
    }
  }

  private static java.net.http.HttpResponse<String> send(
      java.net.http.HttpClient http, String url, String body) {
    try {
      return http.send(
          OpenLoopLoad.post(url, "application/json", body).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
