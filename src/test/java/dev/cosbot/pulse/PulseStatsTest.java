package dev.cosbot.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The aggregation and anonymity rules, as pure functions. */
class PulseStatsTest {
  private static final List<Question> QUESTIONS =
      List.of(
          new Question(QuestionType.ENPS, "Recommend?", List.of(), false),
          new Question(QuestionType.LIKERT, "Focus", List.of(), false),
          new Question(QuestionType.MULTI, "Improve", List.of("a", "b", "c"), true),
          new Question(QuestionType.TEXT, "Why", List.of(), true));

  private static JsonObject answer(int enps, int likert, Integer multi, String text) {
    JsonObject a = new JsonObject();
    a.addProperty("0", enps);
    a.addProperty("1", likert);
    if (multi != null) {
      com.google.gson.JsonArray m = new com.google.gson.JsonArray();
      m.add(multi);
      a.add("2", m);
    }
    if (text != null) {
      a.addProperty("3", text);
    }
    return a;
  }

  @Test
  void enpsIsPromotersMinusDetractors() {
    long[] counts = new long[11];
    counts[10] = 2;
    counts[9] = 1;
    counts[8] = 1;
    counts[6] = 1;
    counts[0] = 1;
    assertThat(PulseStats.enps(counts, 6)).isEqualTo(17); // (3 - 2) / 6
  }

  @Test
  void belowKNothingIsShown() {
    List<JsonObject> answers =
        List.of(
            answer(10, 5, 0, "x"),
            answer(0, 1, 1, "y"),
            answer(5, 3, 2, "z"),
            answer(7, 4, 0, "w"));
    PulseStats.RoundResult r =
        PulseStats.compute(1, 1, 8, false, QUESTIONS, answers, 5, new Random(1));
    assertThat(r.visible()).isFalse();
    assertThat(r.questions()).isEmpty();
  }

  @Test
  void distributionsMeansAndOptionalQuestionsBelowK() {
    List<JsonObject> answers = new ArrayList<>();
    int[] scores = {10, 9, 9, 7, 5, 3};
    for (int i = 0; i < 6; i++) {
      answers.add(answer(scores[i], 1 + i % 5, i < 2 ? 1 : null, "comment " + i));
    }
    PulseStats.RoundResult r =
        PulseStats.compute(1, 1, 8, true, QUESTIONS, answers, 5, new Random(1));
    assertThat(r.visible()).isTrue();
    assertThat(r.responseRatePercent()).isEqualTo(75);
    PulseStats.QuestionResult enps = r.questions().get(0);
    assertThat(enps.counts()[9]).isEqualTo(2);
    assertThat(enps.mean()).isCloseTo(43.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(enps.enps()).isEqualTo(17);
    // Only 2 answered the optional multi-choice question: hidden.
    assertThat(r.questions().get(2).visible()).isFalse();
    assertThat(r.questions().get(2).counts()).containsOnly(0L);
    // 6 comments with k=5: shown (more than k), all of them.
    assertThat(r.questions().get(3).texts())
        .containsExactlyInAnyOrder(
            "comment 0", "comment 1", "comment 2", "comment 3", "comment 4", "comment 5");
  }

  @Test
  void freeTextNeedsMoreThanKAndIsShuffled() {
    List<JsonObject> five = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      five.add(answer(5, 3, null, "t" + i));
    }
    assertThat(
            PulseStats.compute(1, 1, 5, true, QUESTIONS, five, 5, new Random(1))
                .questions()
                .get(3)
                .visible())
        .isFalse();
    List<JsonObject> many = new ArrayList<>();
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add(answer(5, 3, null, "t" + i));
      order.add("t" + i);
    }
    List<String> shown =
        PulseStats.compute(1, 1, 30, true, QUESTIONS, many, 5, new Random(7))
            .questions()
            .get(3)
            .texts();
    assertThat(shown).containsExactlyInAnyOrderElementsOf(order).isNotEqualTo(order);
  }

  @Test
  void changesOnlyWhenBothRoundsMeetK() {
    List<JsonObject> high = new ArrayList<>();
    List<JsonObject> low = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      high.add(answer(10, 5, null, null));
      low.add(answer(0, 1, null, null));
    }
    PulseStats.RoundResult r1 =
        PulseStats.compute(1, 1, 5, true, QUESTIONS, high, 5, new Random(1));
    PulseStats.RoundResult r2 = PulseStats.compute(2, 2, 5, true, QUESTIONS, low, 5, new Random(1));
    PulseStats.RoundResult r3 =
        PulseStats.compute(3, 3, 5, true, QUESTIONS, low.subList(0, 4), 5, new Random(1));
    assertThat(PulseStats.changes(r1, r2)).extracting(PulseStats.Change::enpsDelta).contains(-200);
    assertThat(PulseStats.changes(r1, r2))
        .extracting(PulseStats.Change::meanDelta)
        .containsExactly(-10.0, -4.0);
    assertThat(PulseStats.changes(r2, r3)).isEmpty();
    assertThat(PulseStats.changes(r3, r2)).isEmpty();
  }

  @Test
  void breakdownsHideSlicesThatSubtractionWouldReveal() {
    // One small slice: total minus the others would reveal it, so the smallest large one goes too.
    assertThat(PulseStats.visibleSlices(Map.of("A", 10, "B", 6, "C", 2), 5)).containsExactly("A");
    // Hidden slices already hold k answers together: nothing else needs hiding.
    assertThat(PulseStats.visibleSlices(Map.of("A", 10, "B", 3, "C", 4), 5)).containsExactly("A");
    assertThat(PulseStats.visibleSlices(Map.of("A", 10, "B", 6), 5))
        .containsExactlyInAnyOrder("A", "B");
    // Two slices, one small: both hidden (the other equals the total minus nothing shown).
    assertThat(PulseStats.visibleSlices(Map.of("A", 9, "B", 1), 5)).isEmpty();
    assertThat(PulseStats.suppressed(Map.of("A", 10, "B", 6, "C", 2), 5)).containsOnlyKeys("A");
  }

  @Test
  void groupsOfSixFourAndFiveAtKFiveShowOnlyOneSlice() {
    // By construction: the 4-person slice is below k; with only it hidden, total − 6 − 5 would
    // give its 4 answers, so one more slice (the smaller of the others) is hidden too.
    Map<String, Integer> slices = Map.of("Six", 6, "Four", 4, "Five", 5);
    assertThat(PulseStats.visibleSlices(slices, 5)).containsExactly("Six");
    int total = 15;
    int hidden = total - PulseStats.suppressed(slices, 5).values().stream().mapToInt(i -> i).sum();
    assertThat(hidden)
        .as("what subtraction yields covers at least k answers")
        .isGreaterThanOrEqualTo(5);
  }
}
