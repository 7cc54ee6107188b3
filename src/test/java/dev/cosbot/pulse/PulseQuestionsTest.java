package dev.cosbot.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Question lines, templates and their storage round-trip. */
class PulseQuestionsTest {
  @Test
  void parsesEveryTypeAndOptionalMarker() {
    List<Question> q =
        PulseQuestions.parse(
            "likert: I can focus\nenps: Recommend us?\nsingle: Where | Office | Home\n"
                + "multi?: Improve | Agenda | Fewer | Shorter\ntext?: Anything else?");
    assertThat(q)
        .extracting(Question::type)
        .containsExactly(
            QuestionType.LIKERT,
            QuestionType.ENPS,
            QuestionType.SINGLE,
            QuestionType.MULTI,
            QuestionType.TEXT);
    assertThat(q.get(2).options()).containsExactly("Office", "Home");
    assertThat(q).extracting(Question::optional).containsExactly(false, false, false, true, true);
    assertThat(PulseQuestions.fromJson(PulseQuestions.toJson(q))).isEqualTo(q);
    assertThat(PulseQuestions.parse(PulseQuestions.format(q))).isEqualTo(q);
  }

  @Test
  void explainsBadLines() {
    assertThatThrownBy(() -> PulseQuestions.parse("rating: x"))
        .hasMessageContaining("unknown type");
    assertThatThrownBy(() -> PulseQuestions.parse("single: pick | one"))
        .hasMessageContaining("2 to 10 options");
    assertThatThrownBy(() -> PulseQuestions.parse("just a question"))
        .hasMessageContaining("Line 1");
  }

  @Test
  void templates() {
    assertThat(PulseQuestions.template("enps").get(0).type()).isEqualTo(QuestionType.ENPS);
    assertThat(PulseQuestions.template("team_health"))
        .hasSize(5)
        .allMatch(x -> x.type() == QuestionType.LIKERT);
    assertThat(PulseQuestions.template("meetings")).isNotEmpty();
  }

  @Test
  void chartRendersAPng() {
    List<Question> q = PulseQuestions.template("enps");
    var r1 =
        PulseStats.compute(
            1,
            1,
            5,
            true,
            q,
            java.util.stream.IntStream.range(0, 5)
                .mapToObj(
                    i -> {
                      var a = new com.google.gson.JsonObject();
                      a.addProperty("0", 9);
                      return a;
                    })
                .toList(),
            5,
            new java.util.Random(1));
    byte[] png = PulseCharts.render("Trend", q, List.of(r1));
    assertThat(png.length).isGreaterThan(1000);
    assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }
}
