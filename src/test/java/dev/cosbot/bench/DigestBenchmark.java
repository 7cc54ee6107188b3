package dev.cosbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.digest.DigestContent;
import dev.cosbot.digest.DigestService;
import dev.cosbot.digest.FixtureDigestSource;
import dev.cosbot.platform.spi.DigestButton;
import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.platform.spi.TeamSignal;
import dev.cosbot.testsupport.OnlyDigestSources;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Building the CXO digest over a year of data: the items the feature sources return at the volumes
 * of the status benchmark (2,000 initiatives) plus 1,000 escalations, 50 pulse rounds and a quarter
 * of cadence events — all returned at once, a worst case — and a year of decisions (1,000, 50 open)
 * read from PostgreSQL by the real decision source. Measures gather + pins/mutes + rank + radar +
 * capped rendering. Prints median, p95 and max.
 */
@QuarkusTest
class DigestBenchmark extends SlackTestBase {
  static final int RUNS = 40;

  @Inject DigestService digests;

  @AfterEach
  void tearDown() {
    FixtureDigestSource.reset();
    OnlyDigestSources.only(null);
  }

  @Test
  void buildOverAYearOfData() throws Exception {
    execute("DELETE FROM digest_decision WHERE asker_id = 'U0BENCH'");
    execute(
        "INSERT INTO digest_decision (asker_id, question, context, needed_by, status, decided_by, decided_at, created_at)"
            + " SELECT 'U0BENCH', 'Bench decision ' || g, 'Context ' || g, current_date + (g % 30) - 10,"
            + " CASE WHEN g <= 50 THEN 'OPEN' ELSE 'APPROVED' END, CASE WHEN g <= 50 THEN NULL ELSE 'U0CXO' END,"
            + " CASE WHEN g <= 50 THEN NULL ELSE now() - (g || ' hours')::interval END, now() - (g || ' hours')::interval"
            + " FROM generate_series(1, 1000) g");
    execute(
        "INSERT INTO digest_override (kind, target, created_by, created_at) VALUES ('PIN', 'escalation:7', 'U0ADMIN', now()),"
            + " ('MUTE', 'status:9', 'U0ADMIN', now())");
    List<DigestItem> items = new ArrayList<>();
    List<TeamSignal> signals = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      DigestSection s =
          i % 10 == 0
              ? DigestSection.NEEDS_YOU
              : i % 3 == 0 ? DigestSection.WATCH : DigestSection.FYI;
      items.add(
          new DigestItem(
              "status:" + i,
              s,
              i % 100,
              "Initiative *Project "
                  + i
                  + "* is "
                  + (s == DigestSection.NEEDS_YOU ? "red" : "amber")
                  + " — owner <@U0OWNER"
                  + i
                  + ">",
              "https://acme.slack.com/archives/C0STATUS/p" + i,
              DigestButton.askOwner("U0OWNER" + i, "Project " + i)));
      signals.add(
          new TeamSignal("Team " + (i % 40), (i % 5) + " red, " + (i % 7) + " amber", i % 60));
    }
    for (int i = 0; i < 1_000; i++) {
      items.add(
          new DigestItem(
              "escalation:" + i,
              i % 4 == 0 ? DigestSection.NEEDS_YOU : DigestSection.WATCH,
              40 + i % 60,
              "S" + (1 + i % 4) + " escalation #" + i + ": checkout errors in region " + (i % 12),
              "https://acme.slack.com/archives/C0ESC/p" + i,
              null));
      signals.add(new TeamSignal("Team " + (i % 40), (i % 3) + " open escalations", i % 40));
    }
    for (int i = 0; i < 50; i++) {
      items.add(
          new DigestItem(
              "pulse:" + i,
              DigestSection.WATCH,
              55,
              "Pulse round " + i + ": eNPS dropped " + (i % 15) + " points",
              null,
              null));
      signals.add(new TeamSignal("Team " + (i % 40), "eNPS ↓" + (i % 15), 50));
    }
    for (int i = 0; i < 90; i++) {
      items.add(
          new DigestItem(
              "cadence:" + i,
              DigestSection.FYI,
              30,
              "Staff meeting " + i + " — prep not ready",
              null,
              null));
    }
    FixtureDigestSource.items = items;
    FixtureDigestSource.signals = signals;
    OnlyDigestSources.only(Set.of(FixtureDigestSource.NAME, "decision")::contains);

    ZoneId paris = ZoneId.of("Europe/Paris");
    for (int i = 0; i < 10; i++) {
      build(paris);
    }
    long[] nanos = new long[RUNS];
    DigestService.Built last = null;
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      last = build(paris);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    double median = nanos[RUNS / 2] / 1e6;
    double p95 = nanos[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6;
    double max = nanos[RUNS - 1] / 1e6;
    System.out.printf(
        "%n=== Digest benchmark ===%nLines after mutes: %d (2,000 status, 1,000 escalations, 50 pulse, 90 cadence, %d decisions), team signals: %d%n",
        last.content().total(),
        last.content().total() + last.content().muted() - items.size(),
        signals.size());
    System.out.printf(
        "Blocks: %d, lines shown: %d, radar teams: %d%n",
        last.rendered().blocks().size(), last.rendered().shown(), last.content().radar().size());
    System.out.printf(
        "Build (gather + rank + render), %d runs: median %.1f ms, p95 %.1f ms, max %.1f ms; load average %s%n",
        RUNS,
        median,
        p95,
        max,
        java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
    assertThat(last.rendered().blocks().size()).isLessThanOrEqualTo(50);
    assertThat(median).isLessThan(300.0);
    execute("DELETE FROM digest_decision WHERE asker_id = 'U0BENCH'");
    execute(
        "DELETE FROM digest_override WHERE created_by = 'U0ADMIN' AND target IN ('escalation:7', 'status:9')");
  }

  private DigestService.Built build(ZoneId zone) {
    return QuarkusTransaction.requiringNew()
        .call(() -> digests.build("U0CXO", DigestContent.Kind.CXO, Instant.now(), zone));
  }
}
