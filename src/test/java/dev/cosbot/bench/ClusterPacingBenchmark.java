package dev.cosbot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.cosbot.platform.db.EmbeddedDatabase;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Cluster-wide pacing: two replicas of the packaged service on one PostgreSQL deliver {@code
 * bench.pacing.messages} chat.postMessage rows through a WireMock Slack that allows {@code
 * bench.pacing.allowedPerSecond} calls/s (token bucket; 429 + Retry-After beyond). Each replica is
 * configured with the whole cluster's budget (the allowed rate) and must pace itself at half of it,
 * the share it reads from the live members of the Quartz cluster. Reports the calls per second that
 * reached the stand-in (accepted and 429) over the steady window against the allowed rate, the
 * 429s, and checks every message was delivered exactly once (by delivery mark = idempotency key).
 */
class ClusterPacingBenchmark {

  @Test
  void twoReplicasTogetherStayWithinTheAllowedRate() throws Exception {
    int messages = Integer.getInteger("bench.pacing.messages", 1_600);
    double allowed = Double.parseDouble(System.getProperty("bench.pacing.allowedPerSecond", "40"));
    int burst = (int) Math.ceil(allowed);
    int channels = Integer.getInteger("bench.pacing.channels", 800);
    int clusterPerMinute = (int) Math.round(allowed * 60);
    String machine = BenchReport.machine();

    RateLimitedSlack limiter = new RateLimitedSlack(allowed, burst);
    WireMockServer slack = OutboxBench.rateLimitedSlack(limiter);

    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Integer> indexByMark = new HashMap<>();
    Map<String, Integer> sentByReplica = new TreeMap<>();
    Map<String, Integer> otherRows = new HashMap<>();
    List<String> stuck = new ArrayList<>();
    long t0;
    try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral()) {
      Map<String, String> env = OutboxBench.serviceEnv(slack, database);
      env.put("COSBOT_PULSE_BALLOT_SECRET", "bench-pulse-secret-0123456789");
      List<String> args = new ArrayList<>();
      args.add("-Dcosbot.outbox.per-minute.\"chat.postMessage\"=" + clusterPerMinute);
      // The replica count is refreshed with the gauges; 1 s instead of 10 s keeps the wait short.
      args.add("-Dcosbot.outbox.gauge-interval=PT1S");
      args.add("-jar");
      args.add(AckLatencyBenchmark.jar());
      try (JavaProcess a =
              JavaProcess.start("pacing-a", args, env).awaitReady("GET", "/q/health/ready", 200);
          JavaProcess b =
              JavaProcess.start("pacing-b", args, env).awaitReady("GET", "/q/health/ready", 200)) {
        // Both must count two live replicas before the load arrives; until then each would take
        // the whole budget.
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> replicas(a) == 2 && replicas(b) == 2);
        t0 =
            OutboxBench.insertPostMessages(
                database,
                "pacing",
                run,
                "C0PACE",
                "Pacing message",
                messages,
                channels,
                indexByMark);
        assertThat(indexByMark).as("distinct delivery marks").hasSize(messages);
        long budget = (long) (messages / allowed * 3) + 60;
        // Not an await that throws: a run that does not finish still reports what it saw.
        long deadline = System.nanoTime() + budget * 1_000_000_000L;
        while (limiter.deliveredByMark().size() < messages && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        OutboxBench.waitForLateDuplicates();
        try (Connection c = OutboxBench.connect(database);
            ResultSet rs =
                c.createStatement()
                    .executeQuery(
                        "SELECT status, coalesce(claimed_by, '-'), count(*) FROM outbox_message"
                            + " WHERE idempotency_key LIKE 'pacing:"
                            + run
                            + ":%' GROUP BY 1, 2")) {
          while (rs.next()) {
            if ("SENT".equals(rs.getString(1))) {
              sentByReplica.merge(rs.getString(2), rs.getInt(3), Integer::sum);
            } else {
              otherRows.merge(rs.getString(1), rs.getInt(3), Integer::sum);
            }
          }
        }
        if (!otherRows.isEmpty()) {
          // A run that did not finish says where its rows were left and why.
          try (Connection c = OutboxBench.connect(database);
              ResultSet rs =
                  c.createStatement()
                      .executeQuery(
                          "SELECT status, attempts, coalesce(last_error, '-'), coalesce(claimed_by, '-'),"
                              + " round(extract(epoch from next_attempt_at - now())),"
                              + " round(extract(epoch from claimed_until - now())) FROM outbox_message"
                              + " WHERE status <> 'SENT' AND idempotency_key LIKE 'pacing:"
                              + run
                              + ":%' ORDER BY next_attempt_at LIMIT 10")) {
            while (rs.next()) {
              stuck.add(
                  String.format(
                      Locale.ROOT,
                      "%s, %d attempts, last error %s, claimed by %s, next attempt in %s s, lease left %s s",
                      rs.getString(1),
                      rs.getInt(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6)));
            }
          }
        }
      }
    } finally {
      slack.stop();
    }

    OutboxBench.Tally tally = OutboxBench.tally(limiter, indexByMark, messages);
    int lost = tally.lost();
    int duplicates = tally.duplicates();
    int unknown = tally.unknown();
    int sentRows = sentByReplica.values().stream().mapToInt(Integer::intValue).sum();

    // Steady window: from 2 s after the first call (the initial bucket is spent by then) to the
    // last accepted call. Calls = everything that reached the stand-in, accepted or 429.
    List<Long> acceptedTimes = limiter.acceptedTimes();
    List<Long> rejectedTimes = limiter.rejectedTimes();
    long first = limiter.firstAcceptedNanos();
    long from = first + 2_000_000_000L;
    long to = limiter.lastAcceptedNanos();
    double window = (to - from) / 1e9;
    long acceptedInWindow = acceptedTimes.stream().filter(t -> t >= from && t <= to).count();
    long rejectedInWindow = rejectedTimes.stream().filter(t -> t >= from && t <= to).count();
    double callsPerSecond = (acceptedInWindow + rejectedInWindow) / window;
    double ratio = callsPerSecond / allowed;
    // Busiest whole second of the window (calls in [from + k s, from + (k+1) s)).
    Map<Long, Integer> perSecond = new TreeMap<>();
    for (List<Long> times : List.of(acceptedTimes, rejectedTimes)) {
      for (long t : times) {
        if (t >= from && t <= to) {
          perSecond.merge((t - from) / 1_000_000_000L, 1, Integer::sum);
        }
      }
    }
    long wholeSeconds = (long) Math.floor(window);
    int busiest =
        perSecond.entrySet().stream()
            .filter(e -> e.getKey() < wholeSeconds)
            .mapToInt(Map.Entry::getValue)
            .max()
            .orElse(0);
    double elapsedToLast = (to - t0) / 1e9;

    StringBuilder md = new StringBuilder();
    md.append("### Two replicas sharing Slack's rate limit (`ClusterPacingBenchmark`)\n\n");
    md.append("- Machine: ").append(machine).append('\n');
    md.append("- Command: `").append(BenchReport.command("ClusterPacingBenchmark")).append("`\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- Setup: two processes of the packaged jar (`java %s -jar target/quarkus-app/quarkus-run.jar`, default 4 outbox workers "
                + "each) on one embedded PostgreSQL, both configured with the cluster's budget for chat.postMessage, %d/min (= %.0f/s), "
                + "and pacing at their share of it (1/N, N = live members of `qrtz_scheduler_state`; both showed `cosbot_outbox_replicas` = 2 "
                + "before the load), all together at most `cosbot.outbox.headroom` (default 0.9) of it, bursts included. %,d chat.postMessage rows inserted at once, spread over %d channels; WireMock as Slack allows "
                + "%.0f calls/s (token bucket of %d) and answers 429 + Retry-After beyond that.%n",
            String.join(" ", JavaProcess.jvmArgs()),
            clusterPerMinute,
            clusterPerMinute / 60.0,
            messages,
            channels,
            allowed,
            burst));
    md.append("\n| Figure | Value |\n|---|---:|\n");
    md.append(String.format(Locale.ROOT, "| Messages | %,d |%n", messages));
    md.append(
        String.format(
            Locale.ROOT,
            "| Time from commit of the rows to the last accepted call | %.1f s |%n",
            elapsedToLast));
    md.append(
        String.format(
            Locale.ROOT,
            "| Steady window (2 s after the first call → last call) | %.1f s |%n",
            window));
    md.append(
        String.format(
            Locale.ROOT,
            "| Calls reaching the stand-in in the window (accepted + 429) | %,d + %,d |%n",
            acceptedInWindow,
            rejectedInWindow));
    md.append(
        String.format(
            Locale.ROOT,
            "| **Calls/s of both replicas together ÷ allowed %.0f/s** (goal ≤ 1.0) | **%.1f/s = %.3f×** |%n",
            allowed,
            callsPerSecond,
            ratio));
    md.append(
        String.format(Locale.ROOT, "| Busiest whole second of the window | %d calls |%n", busiest));
    md.append(
        String.format(
            Locale.ROOT,
            "| 429 answers: whole run / before the steady window / in it | %,d / %,d / %,d |%n",
            limiter.rejected(),
            rejectedTimes.stream().filter(t -> t < from).count(),
            rejectedInWindow));
    md.append(String.format(Locale.ROOT, "| Lost (never accepted by Slack) | %d |%n", lost));
    md.append(
        String.format(
            Locale.ROOT,
            "| Duplicated (accepted more than once, by delivery mark = idempotency key) | %d |%n",
            duplicates));
    md.append(
        String.format(
            Locale.ROOT,
            "| Rows SENT per replica (`claimed_by`) | %s |%n",
            sentByReplica.values()));
    md.append(
        String.format(
            Locale.ROOT,
            "| Rows not SENT | %s |%n",
            otherRows.isEmpty() ? "0" : otherRows.toString()));
    for (String row : stuck) {
      md.append("| Row not SENT | ").append(row).append(" |\n");
    }
    md.append(
        "\nA token bucket lets through at most its rate × the window plus the tokens it held at the"
            + " start of the window (≤ its size), so an average a hair above the allowed rate over the"
            + " window is still within what the stand-in accepts; the 429s show where the replicas"
            + " together went beyond it.\n");
    BenchReport.publish("cluster-pacing", md.toString());

    assertThat(unknown).as("calls with an unknown delivery mark").isZero();
    assertThat(lost).as("messages lost").isZero();
    assertThat(duplicates).as("messages delivered twice").isZero();
    assertThat(sentRows).as("rows marked SENT").isEqualTo(messages);
    assertThat(sentByReplica).as("both replicas delivered part of the load").hasSize(2);
  }

  /** The replica's {@code cosbot_outbox_replicas} gauge, or -1 when it cannot be read. */
  private static int replicas(JavaProcess app) {
    try {
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create(app.managementUrl() + "/q/metrics").toURL().openConnection();
      c.setConnectTimeout(1000);
      c.setReadTimeout(3000);
      String text = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.startsWith("cosbot_outbox_replicas")) {
          return (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
