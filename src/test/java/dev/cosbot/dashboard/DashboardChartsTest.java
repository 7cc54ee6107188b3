package dev.cosbot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.platform.spi.PulseBoard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server-drawn charts: accessible, escaped, and only from released rounds. */
class DashboardChartsTest {
  @Test
  void aTrendIsAnAccessibleSvgWithEscapedTextAndGapsForHiddenRounds() {
    Map<Integer, String> questions = new LinkedHashMap<>();
    questions.put(1, "I <3 \"work\"");
    PulseBoard.SurveyRow survey =
        new PulseBoard.SurveyRow(
            7, "Team & health", true, List.of(round(1, 3.5), round(2, null), round(3, 4.25)));

    View.Section trend = PulseSections.trends(survey, questions);

    String svg = trend.chart().svg();
    assertThat(svg)
        .startsWith("<svg class=\"linechart\"")
        .contains("role=\"img\"", "aria-labelledby=\"trend-7-t trend-7-d\"")
        .contains("<title id=\"trend-7-t\">Team &amp; health: averages by round</title>")
        .contains("Q1: I &lt;3 &quot;work&quot;")
        .doesNotContain("<3", "\"work\"", "Round 2")
        .contains("Round 1", "Round 3", ": 3.5</title>", ": 4.25</title>")
        .contains(">1</text>", ">5</text>");
    assertThat(svg.split("<circle")).hasSize(3);
  }

  @Test
  void oneReleasedRoundIsNoTrend() {
    PulseBoard.SurveyRow survey =
        new PulseBoard.SurveyRow(8, "Once", true, List.of(round(1, 4.0), round(2, null)));
    assertThat(PulseSections.trends(survey, Map.of(1, "Q"))).isNull();
  }

  private static PulseBoard.RoundRow round(int seq, Double mean) {
    boolean visible = mean != null;
    return new PulseBoard.RoundRow(
        seq,
        true,
        10,
        visible ? 8 : null,
        visible,
        null,
        visible
            ? List.of(new PulseBoard.QuestionRow(1, "q", "agreement (1 to 5)", 8, mean, null))
            : List.of(),
        List.of(),
        0);
  }
}
