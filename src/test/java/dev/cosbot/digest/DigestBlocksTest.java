package dev.cosbot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cosbot.platform.spi.DigestButton;
import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.platform.spi.TeamSignal;
import dev.cosbot.platform.support.Json;
import dev.cosbot.testsupport.BlockKitLimits;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranking, pins and mutes, the risk radar and the caps, without Quarkus. */
class DigestBlocksTest {

  static DigestLine line(String key, DigestSection section, int rank, String text) {
    return new DigestLine(new DigestItem(key, section, rank, text, null, null), List.of(), false);
  }

  static DigestContent content(
      List<DigestLine> lines, List<TeamSignal> signals, List<String> pins, List<String> mutes) {
    DigestRanking.Ranked r = DigestRanking.rank(lines, pins, mutes);
    return new DigestContent(
        "U0CXO",
        LocalDate.of(2027, 1, 4),
        DigestContent.Kind.CXO,
        r.sections(),
        DigestRanking.radar(signals),
        r.notes(),
        List.of(),
        r.muted());
  }

  static String json(DigestBlocks.Rendered rendered) {
    return Json.toSlackJson(rendered.blocks());
  }

  static void assertWithinSlackLimits(DigestBlocks.Rendered rendered) {
    JsonObject body = new JsonObject();
    body.addProperty("text", rendered.text());
    body.add("blocks", JsonParser.parseString(json(rendered)));
    assertThat(BlockKitLimits.violations("chat.postMessage", body)).isEmpty();
    assertThat(rendered.blocks()).hasSizeLessThanOrEqualTo(50);
  }

  @Test
  void linesAreRankedWithinSectionsAndSectionsComeInOrder() {
    List<DigestLine> lines =
        List.of(
            line("cadence:1", DigestSection.FYI, 40, "Staff meeting Thursday"),
            line("status:7", DigestSection.NEEDS_YOU, 85, "Apollo turned red"),
            line("pulse:3", DigestSection.WATCH, 60, "Platform eNPS dropped 12"),
            line("escalation:9", DigestSection.NEEDS_YOU, 100, "S1: payments down"));
    DigestBlocks.Rendered r =
        DigestBlocks.render(content(lines, List.of(), List.of(), List.of()), 10, 8);
    String json = json(r);
    assertThat(json.indexOf("S1: payments down")).isLessThan(json.indexOf("Apollo turned red"));
    assertThat(json.indexOf("Apollo turned red")).isLessThan(json.indexOf("*Watch*"));
    assertThat(json.indexOf("*Watch*")).isLessThan(json.indexOf("Platform eNPS dropped 12"));
    assertThat(json.indexOf("Platform eNPS dropped 12")).isLessThan(json.indexOf("*FYI*"));
    assertThat(json.indexOf("*FYI*")).isLessThan(json.indexOf("Staff meeting Thursday"));
    assertThat(r.shown()).isEqualTo(4);
    assertWithinSlackLimits(r);
  }

  @Test
  void pinsComeFirstMutesAreLeftOutAndUnmatchedPinsBecomeNotes() {
    List<DigestLine> lines =
        List.of(
            line("escalation:1", DigestSection.NEEDS_YOU, 100, "S1 checkout"),
            line("status:2", DigestSection.NEEDS_YOU, 20, "Hiring plan slipped"),
            line("status:3", DigestSection.WATCH, 50, "Noise &amp; more noise"));
    DigestContent c =
        content(
            lines,
            List.of(),
            List.of("hiring plan", "Board deck due Friday <!channel>"),
            List.of("status:3"));
    assertThat(c.lines(DigestSection.NEEDS_YOU).get(0).item().key()).isEqualTo("status:2");
    assertThat(c.lines(DigestSection.NEEDS_YOU).get(0).pinned()).isTrue();
    assertThat(c.lines(DigestSection.WATCH)).isEmpty();
    assertThat(c.muted()).isEqualTo(1);
    assertThat(c.notes()).containsExactly("Board deck due Friday &lt;!channel&gt;");
    String json = json(DigestBlocks.render(c, 10, 8));
    assertThat(json)
        .contains("From your Chief of Staff")
        .contains("1 line muted by your Chief of Staff")
        .doesNotContain("<!channel>");
    // A mute by text matches escaped text too.
    assertThat(DigestRanking.matches("noise & more", lines.get(2).item())).isTrue();
    assertThat(DigestRanking.matches("no", lines.get(2).item())).isFalse();
  }

  @Test
  void theRiskRadarJoinsSignalsPerTeamMostWorryingFirst() {
    List<String> radar =
        DigestRanking.radar(
            List.of(
                new TeamSignal("Platform", "2 red, 1 amber", 60),
                new TeamSignal("Sales", "1 open escalation", 20),
                new TeamSignal("platform", "eNPS ↓12", 50),
                new TeamSignal("Sales", "eNPS ↑3", 5)));
    assertThat(radar)
        .containsExactly(
            "*Platform* — 2 red, 1 amber · eNPS ↓12", "*Sales* — 1 open escalation · eNPS ↑3");
  }

  @Test
  void twoHundredAndFiveHundredItemsAreSummarisedNotCut() {
    for (int n : new int[] {200, 500}) {
      List<DigestLine> lines = new ArrayList<>();
      List<TeamSignal> signals = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        DigestSection s = DigestSection.values()[i % 3];
        String kind = i % 2 == 0 ? "escalation" : "status";
        DigestButton button = i % 5 == 0 ? DigestButton.askOwner("U0OWNER" + i, "Item " + i) : null;
        lines.add(
            new DigestLine(
                new DigestItem(
                    kind + ":" + i,
                    s,
                    i % 101,
                    "Item " + i + " " + "x".repeat(250),
                    "https://acme.slack.com/archives/C1/p" + i,
                    button),
                button == null ? List.of() : List.of(button),
                false));
        signals.add(new TeamSignal("Team " + (i % 40), "signal " + i, i % 50));
      }
      DigestBlocks.Rendered r =
          DigestBlocks.render(content(lines, signals, List.of(), List.of()), 10, 8);
      assertWithinSlackLimits(r);
      String json = json(r);
      assertThat(json).contains("more: ").contains("more teams");
      assertThat(r.total()).isEqualTo(n);
      // Every line is either shown or counted in an "and N more".
      int counted = 0;
      var m = java.util.regex.Pattern.compile("…and (\\d+) more: ").matcher(json);
      while (m.find()) {
        counted += Integer.parseInt(m.group(1));
      }
      assertThat(r.shown() + counted).isEqualTo(n);
      assertThat(r.shown()).isGreaterThanOrEqualTo(6);
    }
  }

  @Test
  void aQuietDayIsShort() {
    DigestBlocks.Rendered r =
        DigestBlocks.render(content(List.of(), List.of(), List.of(), List.of()), 10, 8);
    assertThat(json(r)).contains("Nothing needs you today.");
    assertThat(r.blocks()).hasSize(2);
    DigestBlocks.Rendered withFyi =
        DigestBlocks.render(
            content(
                List.of(line("cadence:1", DigestSection.FYI, 40, "QBR next week")),
                List.of(),
                List.of(),
                List.of()),
            10,
            8);
    assertThat(json(withFyi)).contains("Nothing needs you today.").contains("QBR next week");
    assertThat(withFyi.blocks()).hasSizeLessThanOrEqualTo(4);
  }

  @Test
  void buttonsCarryTheReaderInTheirBlockIdAndUnsafeLinksAreDropped() {
    DigestButton ask = DigestButton.askOwner("U0OWNER", "Apollo");
    List<DigestLine> lines =
        List.of(
            new DigestLine(
                new DigestItem(
                    "status:1",
                    DigestSection.NEEDS_YOU,
                    80,
                    "Apollo red",
                    "javascript:alert(1)",
                    ask),
                List.of(ask),
                false),
            new DigestLine(
                new DigestItem("decision:2", DigestSection.NEEDS_YOU, 90, "Decide", null, null),
                List.of(
                    new DigestButton("Approve", "decision_approve", "2"),
                    new DigestButton("Decline", "decision_decline", "2")),
                false));
    String json = json(DigestBlocks.render(content(lines, List.of(), List.of(), List.of()), 10, 8));
    assertThat(json)
        .contains("\"block_id\":\"digest:U0CXO:")
        .contains("digest_ask_owner")
        .contains("\"type\":\"actions\"")
        .doesNotContain("javascript");
  }
}
