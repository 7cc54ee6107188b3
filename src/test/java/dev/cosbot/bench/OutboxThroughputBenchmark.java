package dev.cosbot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.cosbot.platform.db.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Outbox throughput against a rate-limited Slack: the packaged service (its real dispatcher, its
 * own PostgreSQL pool and workers) delivers {@code bench.outbox.messages} chat.postMessage rows
 * through a WireMock Slack whose token bucket answers 429 + Retry-After when exceeded. The
 * service's own pace for chat.postMessage is set above the allowed rate ({@code
 * bench.outbox.overdrive}) so it meets the limit and has to live with 429s. Reports the achieved
 * rate as a fraction of the allowed rate, the 429s, and checks nothing was lost or sent twice (by
 * delivery mark, i.e. by idempotency key) and every row ended SENT.
 */
class OutboxThroughputBenchmark {

  @Test
  void outboxThroughputUnderRateLimit() throws Exception {
    int messages = Integer.getInteger("bench.outbox.messages", 10_000);
    double allowed = Double.parseDouble(System.getProperty("bench.outbox.allowedPerSecond", "40"));
    int burst = Integer.getInteger("bench.outbox.burst", (int) Math.ceil(allowed));
    double overdrive = Double.parseDouble(System.getProperty("bench.outbox.overdrive", "1.2"));
    int channels = Integer.getInteger("bench.outbox.channels", 500);
    int appPerMinute = (int) Math.round(allowed * 60 * overdrive);
    String machine = BenchReport.machine();

    RateLimitedSlack limiter = new RateLimitedSlack(allowed, burst);
    WireMockServer slack = OutboxBench.rateLimitedSlack(limiter);

    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Integer> indexByMark = new HashMap<>();
    double seconds;
    double elapsedToLast;
    int sentRows;
    int deadRows;
    Map<String, Integer> others = new HashMap<>();
    try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral()) {
      Map<String, String> env = OutboxBench.serviceEnv(slack, database);
      List<String> args = new ArrayList<>();
      args.add("-Dcosbot.outbox.per-minute.\"chat.postMessage\"=" + appPerMinute);
      args.add("-jar");
      args.add(AckLatencyBenchmark.jar());
      try (JavaProcess service =
          JavaProcess.start("outbox-service", args, env)
              .awaitReady("GET", "/q/health/ready", 200)) {
        long t0 =
            OutboxBench.insertPostMessages(
                database,
                "bench",
                run,
                "C0BENCH",
                "Benchmark message",
                messages,
                channels,
                indexByMark);
        assertThat(indexByMark).as("distinct delivery marks").hasSize(messages);
        long budget = (long) (messages / allowed * 3) + 120;
        await()
            .atMost(Duration.ofSeconds(budget))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> limiter.deliveredByMark().size() >= messages);
        seconds = (limiter.lastAcceptedNanos() - limiter.firstAcceptedNanos()) / 1e9;
        elapsedToLast = (limiter.lastAcceptedNanos() - t0) / 1e9;
        OutboxBench.waitForLateDuplicates();
        try (Connection c = OutboxBench.connect(database);
            ResultSet rs =
                c.createStatement()
                    .executeQuery(
                        "SELECT status, count(*) FROM outbox_message WHERE idempotency_key LIKE 'bench:"
                            + run
                            + ":%' GROUP BY status")) {
          int sent = 0;
          int dead = 0;
          while (rs.next()) {
            if ("SENT".equals(rs.getString(1))) {
              sent = rs.getInt(2);
            } else if ("DEAD".equals(rs.getString(1))) {
              dead = rs.getInt(2);
            } else {
              others.put(rs.getString(1), rs.getInt(2));
            }
          }
          sentRows = sent;
          deadRows = dead;
        }
      }
    } finally {
      slack.stop();
    }

    OutboxBench.Tally tally = OutboxBench.tally(limiter, indexByMark, messages);
    int lost = tally.lost();
    int duplicates = tally.duplicates();
    int unknown = tally.unknown();
    double achieved = messages / elapsedToLast;
    double ideal = Math.max(0, messages - burst) / allowed;
    double fraction = ideal / elapsedToLast;

    StringBuilder md = new StringBuilder();
    md.append("### Outbox throughput (`OutboxThroughputBenchmark`)\n\n");
    md.append("- Machine: ").append(machine).append('\n');
    md.append("- Command: `")
        .append(BenchReport.command("OutboxThroughputBenchmark"))
        .append("`\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- Setup: packaged jar (`java %s -jar target/quarkus-app/quarkus-run.jar`, default 4 outbox workers, per-channel pace 1/s with bursts of 3) "
                + "on its own embedded PostgreSQL; %,d chat.postMessage rows inserted at once, spread over %d channels; WireMock as Slack allows "
                + "%.0f calls/s (token bucket of %d) and answers 429 + Retry-After beyond that; the service's own pace for chat.postMessage is "
                + "%d/min (%.1f× the allowed rate, so it must live with 429s).%n",
            String.join(" ", JavaProcess.jvmArgs()),
            messages,
            channels,
            allowed,
            burst,
            appPerMinute,
            overdrive));
    md.append("\n| Figure | Value |\n|---|---:|\n");
    md.append(String.format(Locale.ROOT, "| Messages | %,d |%n", messages));
    md.append(
        String.format(
            Locale.ROOT,
            "| Time from commit of the rows to the last accepted call | %.1f s |%n",
            elapsedToLast));
    md.append(
        String.format(
            Locale.ROOT, "| Time from first to last accepted call | %.1f s |%n", seconds));
    md.append(
        String.format(
            Locale.ROOT,
            "| Achieved rate (messages / time from commit) | %.1f msg/s |%n",
            achieved));
    md.append(
        String.format(
            Locale.ROOT,
            "| Allowed rate | %.0f msg/s (+ initial bucket of %d) |%n",
            allowed,
            burst));
    md.append(
        String.format(
            Locale.ROOT,
            "| **Fraction of the allowed rate** (best possible time ÷ time taken; goal ≥ 0.9) | **%.3f** |%n",
            fraction));
    md.append(String.format(Locale.ROOT, "| 429 answers provoked | %,d |%n", limiter.rejected()));
    md.append(String.format(Locale.ROOT, "| Lost (never accepted by Slack) | %d |%n", lost));
    md.append(
        String.format(
            Locale.ROOT,
            "| Duplicated (accepted more than once, by delivery mark = idempotency key) | %d |%n",
            duplicates));
    md.append(
        String.format(
            Locale.ROOT,
            "| Rows SENT / DEAD / other in the outbox | %,d / %d / %s |%n",
            sentRows,
            deadRows,
            others.isEmpty() ? "0" : others));
    md.append(
        "\nBest possible time = (messages − bucket) ÷ allowed rate: the bucket's initial tokens go at once, the rest at the allowed rate.\n");
    BenchReport.publish("outbox-throughput", md.toString());

    assertThat(unknown).as("calls with an unknown delivery mark").isZero();
    assertThat(lost).as("messages lost").isZero();
    assertThat(duplicates).as("messages delivered twice").isZero();
    assertThat(sentRows).as("rows marked SENT").isEqualTo(messages);
    assertThat(deadRows).as("rows dead-lettered").isZero();
  }
}
