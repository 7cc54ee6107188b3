package dev.cosbot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.platform.spi.DigestSection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Repeats shown once, kinds said in words, and every line pointing somewhere. Pure. */
class DigestWordsTest {
  private static DigestLine line(String key, String text) {
    return DigestBlocksTest.line(key, DigestSection.FYI, 10, text);
  }

  @Test
  void theSameThingReportedTwiceIsShownOnce() {
    DigestRanking.Ranked ranked =
        DigestRanking.rank(
            List.of(
                line("cadence:1", "Weekly staff meeting"),
                line("cadence:2", "Weekly staff meeting"),
                line("cadence:3", "weekly staff meeting "),
                line("cadence-task:4", "Prep not ready: deck"),
                line("cadence-task:4", "Prep not ready: deck")),
            List.of(),
            List.of());
    assertThat(ranked.sections().get(DigestSection.FYI))
        .extracting(l -> l.item().text())
        .containsExactlyInAnyOrder("Weekly staff meeting", "Prep not ready: deck");
  }

  @Test
  void andMoreNamesKindsInWordsAndPointsToHome() {
    List<DigestLine> left =
        List.of(
            line("cadence-task:1", "a"),
            line("cadence-task:2", "b"),
            line("escalation:3", "c"),
            line("weird-kind:4", "d"));
    String more = DigestBlocks.more(left, "slack://app?team=T1&id=A1&tab=home");
    assertThat(more)
        .contains("…and 4 more: 2 prep tasks, 1 escalation, 1 other item.")
        .contains("<slack://app?team=T1&id=A1&tab=home|See them all on your Home tab>")
        .doesNotContain("cadence-task")
        .doesNotContain("Ask your Chief of Staff");
    assertThat(DigestBlocks.more(left, null)).contains("on your cos-bot *Home* tab");
  }

  @Test
  void aLineWithoutLinkOrButtonPointsToHome() {
    assertThat(DigestBlocks.lineText(line("status:1", "Apollo is red"), "slack://app?x"))
        .isEqualTo("• Apollo is red <slack://app?x|on Home>");
  }
}
