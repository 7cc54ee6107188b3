package dev.cosbot.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every hostile input that any {@link HostileCases} bean offers, sent to the running app: each must
 * get its expected clear answer and, unless it says otherwise, change nothing in the watched
 * tables. Writes {@code target/hostile-report.json} with each case and its outcome, then fails if
 * any case failed (all cases run first, so the report is complete).
 */
@QuarkusTest
class HostileInputTest extends SlackTestBase {
  static final Path REPORT = Path.of("target", "hostile-report.json");

  @Inject @Any Instance<HostileCases> sources;

  @Test
  void everyHostileInputGetsAClearAnswerAndChangesNothing() throws Exception {
    Set<String> tables = new LinkedHashSet<>();
    List<HostileCase> cases = new ArrayList<>();
    for (HostileCases source : sources) {
      tables.addAll(source.watchedTables());
      cases.addAll(source.cases());
    }
    assertThat(cases).as("hostile cases found").hasSizeGreaterThan(40);

    JsonArray results = new JsonArray();
    List<String> failures = new ArrayList<>();
    long suiteStart = System.nanoTime();
    for (HostileCase c : cases) {
      if (c.changesNothing()) {
        // Work queued by an earlier case (a DM being delivered) must not count as this case's
        // change.
        awaitOutboxIdle();
      }
      Map<String, String> before = c.changesNothing() ? fingerprint(tables) : Map.of();
      long start = System.nanoTime();
      String outcome;
      boolean passed;
      try {
        outcome = c.attempt().run();
        passed = true;
        if (c.changesNothing()) {
          Map<String, String> after = fingerprint(tables);
          if (!after.equals(before)) {
            passed = false;
            outcome += " — but changed " + changed(before, after);
          }
        }
      } catch (Throwable t) {
        passed = false;
        outcome = String.valueOf(t.getMessage()).replaceAll("\\s+", " ").trim();
      }
      JsonObject r = new JsonObject();
      r.addProperty("category", c.category());
      r.addProperty("case", c.name());
      r.addProperty("expected", c.expected());
      r.addProperty("outcome", outcome);
      r.addProperty("passed", passed);
      r.addProperty("checkedNothingChanged", c.changesNothing());
      r.addProperty("millis", (System.nanoTime() - start) / 1_000_000);
      results.add(r);
      if (!passed) {
        failures.add("[" + c.category() + "] " + c.name() + ": " + outcome);
      }
    }
    JsonObject report = new JsonObject();
    report.addProperty("cases", cases.size());
    report.addProperty("failed", failures.size());
    report.addProperty("watchedTables", String.join(",", tables));
    report.addProperty("millis", (System.nanoTime() - suiteStart) / 1_000_000);
    report.add("results", results);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(
        REPORT,
        new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(report),
        StandardCharsets.UTF_8);

    assertThat(failures)
        .as("hostile cases that were not handled as expected (see " + REPORT + ")")
        .isEmpty();
  }

  private void awaitOutboxIdle() {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .pollInterval(java.time.Duration.ofMillis(50))
        .until(
            () ->
                scalar(
                        "SELECT count(*) FROM outbox_message WHERE status IN ('PENDING','SENDING')"
                            + " AND next_attempt_at < now() + interval '5 seconds'")
                    == 0);
  }

  /** Row count and an md5 over every row of each table. */
  private Map<String, String> fingerprint(Set<String> tables) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      for (String table : tables) {
        if (!table.matches("[a-z_][a-z0-9_]*")) {
          throw new IllegalArgumentException("not a table name: " + table);
        }
        try (ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "
                        + table
                        + " t"
                        // A signed interaction leaves its replay receipt (a digest, no content):
                        // bookkeeping that makes a replay harmless, not a change of data.
                        + ("slack_event_receipt".equals(table)
                            ? " WHERE event_id NOT LIKE 'i:%'"
                            : ""))) {
          rs.next();
          out.put(table, rs.getString(1));
        }
      }
    }
    return out;
  }

  private static String changed(Map<String, String> before, Map<String, String> after) {
    List<String> tables = new ArrayList<>();
    before.forEach(
        (table, value) -> {
          if (!value.equals(after.get(table))) {
            tables.add(table);
          }
        });
    return String.join(", ", tables);
  }
}
