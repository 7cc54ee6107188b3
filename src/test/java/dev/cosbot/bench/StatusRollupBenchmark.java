package dev.cosbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.platform.db.EmbeddedDatabase;
import dev.cosbot.status.Rollup;
import dev.cosbot.status.RollupQueries;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Portfolio rollup on a year of data: 2,000 initiatives with weekly updates (~104k updates, ~104k
 * periods, RAG events) in a real PostgreSQL. Prints the timings and the query plans; run with
 * {@code ./mvnw -o -B -Pbench test -Dtest=StatusRollupBenchmark} (figures in docs/benchmarks.md).
 */
class StatusRollupBenchmark {
  static final int INITIATIVES = 2000;
  static final int WEEKS = 52;

  @Test
  void portfolioRollupOnAYearOfWeeklyUpdates() throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.startEphemeral();
        Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres")) {
      migrate(c);
      Instant now = Instant.parse("2026-11-27T12:00:00Z");
      long loadStart = System.nanoTime();
      load(c, now, WEEKS);
      long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
      System.out.printf(
          "%n=== Status rollup benchmark ===%nData: %d initiatives, %d updates, %d periods, %d RAG events (loaded in %d ms)%n",
          count(c, "status_initiative"),
          count(c, "status_update"),
          count(c, "status_period"),
          count(c, "status_rag_event"),
          loadMs);

      Instant from = now.minus(Duration.ofDays(7));
      Rollup sample = null;
      for (int i = 0; i < 10; i++) {
        sample = RollupQueries.build(c, from, now, RollupQueries.Filter.all());
      }
      List<Long> cpu = new ArrayList<>();
      List<Long> all = time(c, from, now, RollupQueries.Filter.all(), 30, cpu);
      List<Long> team =
          time(c, from, now, new RollupQueries.Filter("Team 7", null, null), 30, new ArrayList<>());
      System.out.printf(
          "Machine load average: %s",
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")));
      System.out.printf(
          "Portfolio rollup (all %d initiatives, last 7 days), wall clock: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
          sample.counts().initiatives(), ms(all, 50), ms(all, 95), ms(all, 100));
      System.out.printf(
          "Portfolio rollup, CPU time of the Java thread: median %.1f ms%n", ms(cpu, 50));
      System.out.printf(
          "Team rollup (Team 7), wall clock: median %.1f ms, p95 %.1f ms%n",
          ms(team, 50), ms(team, 95));
      System.out.printf(
          "Rollup content: %s; %d changes, %d missing/away, %d risks, %d asks%n",
          sample.counts(),
          sample.changes().size(),
          sample.missing().size(),
          sample.topRisks().size(),
          sample.openAsks().size());

      String portfolioPlan = plan(c, String.format(RollupQueries.PORTFOLIO_SQL, ""), null, null);
      String eventsPlan = plan(c, RollupQueries.EVENTS_SQL, from, now);
      String gapsPlan = plan(c, RollupQueries.GAPS_SQL, from, now);
      String updatedPlan = plan(c, RollupQueries.UPDATED_SQL, from, now);
      System.out.println(
          "\n-- Plan: portfolio (latest update joined by primary key)\n" + portfolioPlan);
      System.out.println("-- Plan: RAG events in the window\n" + eventsPlan);
      System.out.println("-- Plan: missing/away periods in the window\n" + gapsPlan);
      System.out.println("-- Plan: updates in the window\n" + updatedPlan);

      assertThat(sample.counts().initiatives()).isEqualTo(INITIATIVES);
      double server =
          executionMs(portfolioPlan)
              + executionMs(eventsPlan)
              + executionMs(gapsPlan)
              + executionMs(updatedPlan);
      System.out.printf(
          "PostgreSQL execution time of the four queries (EXPLAIN ANALYZE): %.1f ms%n", server);
      // Wall-clock time depends on how busy the machine is; the database's own work must be well
      // under 200 ms.
      assertThat(server).isLessThan(100.0);
      assertThat(portfolioPlan).contains("status_update_pkey");
      assertThat(eventsPlan).contains("status_rag_event_time");
      assertThat(gapsPlan).contains("status_period_due");
      assertThat(updatedPlan).contains("status_update_posted");
    }
  }

  static void migrate(Connection c) throws Exception {
    try (InputStream in =
            StatusRollupBenchmark.class.getResourceAsStream("/db/migration/V10__status.sql");
        Statement s = c.createStatement()) {
      s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** {@code INITIATIVES} initiatives with {@code weeks} weekly updates each, plain SQL. */
  static void load(Connection c, Instant now, int weeks) throws Exception {
    // The last week's updates fall inside the rollup window (the last 7 days).
    Timestamp start = Timestamp.from(now.minus(Duration.ofDays(7L * (weeks - 1) - 2)));
    try (Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO status_initiative (name, owner_id, team, state, every_weeks, cadence_day, cadence_time, anchor_date,"
              + " report_channel, created_by, created_at, updated_at)"
              + " SELECT 'Initiative ' || g, 'U' || lpad(g::text, 8, '0'), 'Team ' || (g % 40), 'ACTIVE', 1, 5, '10:00', date '2025-11-24',"
              + " 'C0REPORT' || (g % 10), 'U0ADMIN', '"
              + start
              + "', '"
              + start
              + "' FROM generate_series(1, "
              + INITIATIVES
              + ") g");
      // One update per initiative and week; RAG drifts so that transitions happen.
      s.execute(
          "INSERT INTO status_update (initiative_id, period_due, author_id, rag, summary, progress, risks, asks, ask_to, confidence,"
              + " percent, version, posted_at)"
              + " SELECT i.id, timestamptz '"
              + start
              + "' + w * interval '7 days', i.owner_id,"
              + " (ARRAY['GREEN','GREEN','AMBER','RED'])[1 + ((i.id * 7 + w / 5) % 4)], 'Week ' || w || ' summary of initiative ' || i.id,"
              + " 'Progress text', CASE WHEN (i.id + w) % 3 = 0 THEN 'A risk worth noting for week ' || w END,"
              + " CASE WHEN (i.id + w) % 11 = 0 THEN 'An ask' END, CASE WHEN (i.id + w) % 22 = 0 THEN 'U0CXO' END, 'MEDIUM',"
              + " least(100, w * 2), 1, timestamptz '"
              + start
              + "' + w * interval '7 days' - interval '1 hour'"
              + " FROM status_initiative i, generate_series(0, "
              + (weeks - 1)
              + ") w");
      s.execute(
          "INSERT INTO status_rag_event (initiative_id, update_id, from_rag, to_rag, changed_at)"
              + " SELECT initiative_id, id, prev, rag, posted_at FROM (SELECT u.*, lag(rag) OVER (PARTITION BY initiative_id ORDER BY period_due) prev"
              + " FROM status_update u) x WHERE prev IS DISTINCT FROM rag");
      s.execute(
          "INSERT INTO status_period (initiative_id, due_at, state, prompted_at, closed_at)"
              + " SELECT initiative_id, period_due, CASE WHEN id % 20 = 0 THEN 'MISSING' WHEN id % 45 = 0 THEN 'AWAY' ELSE 'UPDATED' END,"
              + " period_due, period_due + interval '2 hours' FROM status_update");
      s.execute(
          "UPDATE status_initiative i SET last_update_id = u.id, current_rag = u.rag"
              + " FROM (SELECT DISTINCT ON (initiative_id) id, initiative_id, rag FROM status_update ORDER BY initiative_id, period_due DESC) u"
              + " WHERE u.initiative_id = i.id");
      s.execute(
          "UPDATE status_initiative SET missed_in_row = 3, stale_since = now() WHERE id % 97 = 0");
      s.execute("VACUUM ANALYZE");
    }
  }

  static List<Long> time(
      Connection c, Instant from, Instant to, RollupQueries.Filter filter, int runs, List<Long> cpu)
      throws Exception {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      RollupQueries.build(c, from, to, filter);
      cpu.add(threads.getCurrentThreadCpuTime() - cpuStart);
      nanos.add(System.nanoTime() - t);
    }
    Collections.sort(nanos);
    Collections.sort(cpu);
    return nanos;
  }

  static double executionMs(String plan) {
    var m = java.util.regex.Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(plan);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.MAX_VALUE;
  }

  static double ms(List<Long> sorted, int percentile) {
    int index =
        Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1_000_000.0;
  }

  static long count(Connection c, String table) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String plan(Connection c, String sql, Instant from, Instant to) throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)) {
      if (from != null) {
        ps.setTimestamp(1, Timestamp.from(from));
        ps.setTimestamp(2, Timestamp.from(to));
      }
      StringBuilder out = new StringBuilder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.append("   ").append(rs.getString(1)).append('\n');
        }
      }
      return out.toString();
    }
  }
}
