package dev.cosbot.dashboard;

import dev.cosbot.dashboard.View.Cell;
import dev.cosbot.dashboard.View.Chart;
import dev.cosbot.dashboard.View.Section;
import dev.cosbot.dashboard.View.Table;
import dev.cosbot.platform.spi.PulseBoard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pulse page's team heatmap and trend chart, from released results only: teams come as the
 * pulse feature stored them at close (only those that may be shown), and a hidden round adds no
 * point to a trend.
 */
final class PulseSections {
  private PulseSections() {}

  /**
   * The latest closed round's teams × questions, or null when no released round was broken down by
   * team.
   */
  static Section heatmap(PulseBoard.SurveyRow s, Map<Integer, String> questions) {
    PulseBoard.RoundRow latest = null;
    for (PulseBoard.RoundRow r : s.rounds()) {
      if (r.visible() && r.closed() && (!r.teams().isEmpty() || r.teamsHidden() > 0)) {
        latest = r;
      }
    }
    if (latest == null) {
      return null;
    }
    List<String> headers = new ArrayList<>(List.of("Team", "Answers"));
    questions.forEach((num, text) -> headers.add("Q" + num + ": " + text));
    List<List<Cell>> rows = new ArrayList<>();
    for (PulseBoard.TeamRow t : latest.teams()) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.of(t.team()));
      cells.add(Cell.of(String.valueOf(t.responses())));
      for (Integer number : questions.keySet()) {
        PulseBoard.TeamCell c =
            t.cells().stream().filter(x -> x.number() == number).findFirst().orElse(null);
        cells.add(heat(c));
      }
      rows.add(cells);
    }
    String hidden =
        latest.teamsHidden() == 0
            ? ""
            : latest.teamsHidden() == 1
                ? " 1 team is not shown: too few answers to keep them anonymous."
                : " "
                    + latest.teamsHidden()
                    + " teams are not shown: too few answers to keep them anonymous.";
    return new Section(
        "By team, round " + latest.seq(),
        "Each team's figures in the latest closed round." + hidden,
        null,
        new Table(
            "teams-" + s.id(),
            "Teams by question, round " + latest.seq(),
            headers,
            rows,
            "No team had enough answers to be shown on its own."));
  }

  private static Cell heat(PulseBoard.TeamCell c) {
    if (c == null) {
      return new Cell("—", null, "heat-none", null, "Not shown: too few answers");
    }
    if (c.enps() != null) {
      String level = c.enps() >= 30 ? "heat-high" : c.enps() >= 0 ? "heat-mid" : "heat-low";
      return new Cell("eNPS " + (c.enps() > 0 ? "+" : "") + c.enps(), null, level, null, null);
    }
    if (c.mean() != null) {
      String level = c.mean() >= 4 ? "heat-high" : c.mean() >= 3 ? "heat-mid" : "heat-low";
      return new Cell(
          String.format(Locale.ENGLISH, "%.1f", c.mean()), null, level, null, " of 5 on average");
    }
    return new Cell(c.answered() + " answered", null, "heat-none", null, null);
  }

  /**
   * The average of each agreement question across the released rounds, or null with fewer than two
   * released rounds (one point is not a trend).
   */
  static Section trends(PulseBoard.SurveyRow s, Map<Integer, String> questions) {
    List<PulseBoard.RoundRow> shown = s.rounds().stream().filter(r -> r.visible()).toList();
    if (shown.size() < 2) {
      return null;
    }
    List<String> labels = shown.stream().map(r -> "Round " + r.seq()).toList();
    List<Charts.Series> series = new ArrayList<>();
    for (var q : questions.entrySet()) {
      List<Double> values = new ArrayList<>();
      boolean any = false;
      for (PulseBoard.RoundRow r : shown) {
        Double mean =
            r.questions().stream()
                .filter(x -> x.number() == q.getKey() && x.enps() == null)
                .map(PulseBoard.QuestionRow::mean)
                .findFirst()
                .orElse(null);
        any |= mean != null;
        values.add(mean);
      }
      if (any) {
        series.add(new Charts.Series("Q" + q.getKey() + ": " + q.getValue(), values));
      }
    }
    if (series.isEmpty()) {
      return null;
    }
    String title = s.title() + ": averages by round";
    String svg =
        Charts.lines(
            "trend-" + s.id(),
            title,
            "The average answer of each agreement question (1 to 5) in each released round of "
                + s.title()
                + ". The table below gives the same figures.",
            labels,
            series,
            1,
            5,
            "");
    return new Section("Trend across rounds", null, null, null, new Chart(title, svg));
  }
}
