package dev.cosbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.cosbot.platform.db.EmbeddedDatabase;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's portfolio page with 2,000 initiatives: the packaged service on a fresh
 * PostgreSQL, seeded with plain SQL (the same data as {@link StatusRollupBenchmark}: 2,000
 * initiatives in 40 teams with weekly updates, RAG events and periods, and a named person for every
 * owner); a Chief of Staff signs in through {@code /cos dashboard} and its one-time link, then GETs
 * {@code /app/portfolio} one request after another. The goal: under 150 ms at p95, rendered
 * server-side.
 *
 * <p>Properties: bench.requests (300 measured), bench.warmup (50), bench.weeks (52 weeks of
 * history), bench.jvmArgs (-Xmx256m).
 */
class PortfolioPageBenchmark {
  static final String CHIEF = "U0BENCHCOS";
  private static final Pattern LINK = Pattern.compile("/app/sign-in/([A-Za-z0-9_-]+)");

  @Test
  void portfolioPageWith2000Initiatives() throws Exception {
    int requests = Integer.getInteger("bench.requests", 300);
    int warmup = Integer.getInteger("bench.warmup", 50);
    int weeks = Integer.getInteger("bench.weeks", 52);
    String machine = BenchReport.machine();

    WireMockServer slack = SlackApiTestResource.newServer();
    SlackApiTestResource.knowsUser(slack, CHIEF, "chief", "Bench Chief", "UTC");
    Latencies page = new Latencies();
    long bytes;
    long seedMs;
    long updates;
    try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral()) {
      Map<String, String> env = OutboxBench.serviceEnv(slack, database);
      env.put("COSBOT_ADMINS", CHIEF);
      try (JavaProcess service =
          JavaProcess.start("portfolio-page", List.of("-jar", AckLatencyBenchmark.jar()), env)
              .awaitReady("GET", "/q/health/ready", 200)) {
        // Flyway has created the schema by now; the data goes in with plain SQL.
        long t = System.nanoTime();
        try (Connection c = OutboxBench.connect(database)) {
          StatusRollupBenchmark.load(c, Instant.now(), weeks);
          nameOwners(c);
          updates = StatusRollupBenchmark.count(c, "status_update");
          assertThat(StatusRollupBenchmark.count(c, "status_initiative"))
              .isEqualTo(StatusRollupBenchmark.INITIATIVES);
        }
        seedMs = (System.nanoTime() - t) / 1_000_000;

        HttpClient http = HttpClient.newHttpClient();
        String cookie = signIn(http, service.baseUrl());
        HttpRequest get =
            HttpRequest.newBuilder(URI.create(service.baseUrl() + "/app/portfolio"))
                .header("Cookie", "cosbot_session=" + cookie)
                .build();
        HttpResponse<byte[]> sample = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(sample.statusCode()).isEqualTo(200);
        String html = new String(sample.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("2000 initiatives in progress");
        bytes = sample.body().length;
        for (int i = 0; i < warmup; i++) {
          http.send(get, HttpResponse.BodyHandlers.discarding());
        }
        for (int i = 0; i < requests; i++) {
          long start = System.nanoTime();
          HttpResponse<byte[]> r = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
          page.add(System.nanoTime() - start);
          assertThat(r.statusCode()).isEqualTo(200);
        }
      }
    } finally {
      slack.stop();
    }

    StringBuilder md = new StringBuilder();
    md.append("### Dashboard portfolio page (`PortfolioPageBenchmark`)\n\n");
    md.append("- Machine: ").append(machine).append('\n');
    md.append("- Command: `").append(BenchReport.command("PortfolioPageBenchmark")).append("`\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- Setup: packaged jar (`java %s -jar target/quarkus-app/quarkus-run.jar`) on a fresh"
                + " embedded PostgreSQL, WireMock as the Slack Web API. Data seeded with plain SQL"
                + " after Flyway created the schema (%d ms): %d initiatives in 40 teams, %d updates"
                + " (%d weeks of weekly updates), RAG events and periods, a named person per"
                + " owner. A Chief of Staff signs in with `/cos dashboard` and the one-time link;"
                + " then `GET /app/portfolio` one request after another (%d warm-up, %d measured),"
                + " from sending the request to the last byte of the page (%d kB of HTML), client"
                + " on the same machine.%n",
            String.join(" ", JavaProcess.jvmArgs()),
            seedMs,
            StatusRollupBenchmark.INITIATIVES,
            updates,
            weeks,
            warmup,
            requests,
            bytes / 1024));
    md.append("- Goal: p95 under 150 ms.\n\n");
    md.append("| Requests | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |\n");
    md.append("|---:|---:|---:|---:|---:|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| %d | %.1f | %.1f | %.1f | %.1f |%n",
            page.count(),
            page.percentileMillis(0.50),
            page.percentileMillis(0.95),
            page.percentileMillis(0.99),
            page.maxMillis()));
    BenchReport.publish("portfolio-page", md.toString());
    assertThat(page.count()).isEqualTo(requests);
  }

  /** Every owner has a name in the people directory, as after a directory sync. */
  private static void nameOwners(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO person (slack_user_id, display_name, real_name, time_zone, synced_at)"
              + " SELECT DISTINCT owner_id, 'Owner ' || substr(owner_id, 2),"
              + " 'Owner ' || substr(owner_id, 2), 'UTC', now() FROM status_initiative"
              + " ON CONFLICT (slack_user_id) DO NOTHING");
      s.execute("ANALYZE person");
    }
  }

  /** {@code /cos dashboard} as the Chief of Staff, then the link's Continue button. */
  private static String signIn(HttpClient http, String baseUrl) throws Exception {
    HttpResponse<String> answer =
        http.send(
            AckLatencyBenchmark.signed(
                baseUrl + "/slack/events",
                "application/x-www-form-urlencoded",
                SlackRequests.commandBody(CHIEF, "/cos", "dashboard")),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = LINK.matcher(answer.body());
    assertThat(m.find()).as("a sign-in link in %s", answer.body()).isTrue();
    HttpResponse<String> redeemed =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/app/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "token=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(redeemed.statusCode()).isEqualTo(303);
    List<String> cookies = new ArrayList<>(redeemed.headers().allValues("Set-Cookie"));
    return cookies.stream()
        .filter(h -> h.startsWith("cosbot_session="))
        .map(h -> h.substring("cosbot_session=".length()).split(";", 2)[0])
        .findFirst()
        .orElseThrow();
  }
}
