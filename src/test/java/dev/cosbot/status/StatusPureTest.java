package dev.cosbot.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.cosbot.platform.support.Json;
import dev.cosbot.testsupport.BlockKitLimits;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Away detection, CSV safety and the report's Block Kit limits, without Quarkus. */
class StatusPureTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void awayFromEmojiOrTextUntilTheStatusExpires() {
    assertThat(AwayDetector.isAway(":palm_tree:", null, null, NOW)).isTrue();
    assertThat(AwayDetector.isAway(":face_with_thermometer:", "", NOW.plusSeconds(60), NOW))
        .isTrue();
    assertThat(AwayDetector.isAway(null, "Out of office until Monday", null, NOW)).isTrue();
    assertThat(AwayDetector.isAway(":calendar:", "On vacation", null, NOW)).isTrue();
    assertThat(AwayDetector.isAway(":calendar:", "OOO", null, NOW)).isTrue();
    assertThat(AwayDetector.isAway(null, "Sick today", null, NOW)).isTrue();
    assertThat(AwayDetector.isAway(":palm_tree:", "Vacation", NOW.minusSeconds(1), NOW))
        .as("expired")
        .isFalse();
    assertThat(AwayDetector.isAway(":spiral_calendar_pad:", "In a meeting", null, NOW)).isFalse();
    assertThat(AwayDetector.isAway(null, "Working on the holidaysale page", null, NOW)).isFalse();
  }

  @Test
  void csvNeutralisesFormulasAndQuotes() {
    assertThat(Csv.cell("=HYPERLINK(\"http://evil\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    assertThat(Csv.cell("+1")).isEqualTo("\"'+1\"");
    assertThat(Csv.cell("-2")).isEqualTo("\"'-2\"");
    assertThat(Csv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
    assertThat(Csv.cell("plain")).isEqualTo("plain");
    assertThat(Csv.cell("a, b")).isEqualTo("\"a, b\"");
    assertThat(Csv.row("a", null, "line\nbreak")).isEqualTo("a,,\"line\nbreak\"\r\n");
  }

  @Test
  void aHugeReportStaysWithinBlockKitLimits() {
    List<Rollup.Line> lines = new ArrayList<>();
    List<Rollup.Change> changes = new ArrayList<>();
    List<Rollup.Gap> gaps = new ArrayList<>();
    List<Rollup.Risk> risks = new ArrayList<>();
    List<Rollup.Ask> asks = new ArrayList<>();
    String longText = "<!channel> " + "x".repeat(3000);
    for (int n = 0; n < 2000; n++) {
      Rag rag = Rag.values()[n % 3];
      Rollup.Line l =
          new Rollup.Line(
              n,
              "Initiative " + n + " " + longText.substring(0, 70),
              "Team " + (n % 40),
              "U0OWNER" + n,
              "ACTIVE",
              rag,
              longText,
              NOW,
              50,
              "HIGH",
              n % 7 == 0,
              3);
      lines.add(l);
      changes.add(new Rollup.Change(n, l.name(), l.team(), Rag.GREEN, rag, NOW));
      gaps.add(
          new Rollup.Gap(n, l.name(), l.team(), l.ownerId(), NOW, n % 2 == 0 ? "MISSING" : "AWAY"));
      risks.add(new Rollup.Risk(n, l.name(), l.team(), Rag.RED, longText));
      asks.add(new Rollup.Ask(n, l.name(), l.team(), l.ownerId(), "U0CXO", longText, NOW));
    }
    List<Rollup.RagGroup> groups = new ArrayList<>();
    for (Rag rag : Rag.values()) {
      List<Rollup.TeamGroup> teams = new ArrayList<>();
      for (int t = 0; t < 40; t++) {
        String team = "Team " + t;
        teams.add(
            new Rollup.TeamGroup(
                team,
                lines.stream().filter(l -> l.rag() == rag && l.team().equals(team)).toList()));
      }
      groups.add(new Rollup.RagGroup(rag, 666, teams));
    }
    Rollup r =
        new Rollup(
            NOW.minusSeconds(604800),
            NOW,
            "portfolio",
            new Rollup.Counts(2000, 666, 667, 667, 0, 1000, 1000, 286),
            groups,
            changes,
            lines,
            gaps,
            lines.stream().filter(Rollup.Line::stale).toList(),
            risks,
            asks);
    JsonObject message = new JsonObject();
    message.add(
        "blocks",
        Json.slack().toJsonTree(StatusBlocks.report(r, "Weekly status report", ZoneOffset.UTC, 5)));
    assertThat(BlockKitLimits.violations("chat.postMessage", message)).isEmpty();
    String all = message.toString();
    assertThat(all).contains("more").doesNotContain("<!channel>");
    assertThat(all.length()).isLessThan(16_000);
  }
}
