package dev.cosbot.dashboard;

import dev.cosbot.dashboard.View.Cell;
import dev.cosbot.dashboard.View.Chart;
import dev.cosbot.dashboard.View.Rows;
import dev.cosbot.dashboard.View.Section;
import dev.cosbot.dashboard.View.Table;
import dev.cosbot.platform.spi.EscalationBoard.AreaWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The escalations page's weekly view: per area, the median time to acknowledge and to resolve of
 * the escalations raised each week (confidential ones left out), as two small charts and a table.
 */
final class EscalationSections {
  private EscalationSections() {}

  /** How many weeks the charts cover, this one included. */
  static final int WEEKS = 12;

  static List<Section> weekly(List<AreaWeek> weeks, LocalDate firstMonday, Wording w) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < WEEKS; i++) {
      labels.add(w.day(firstMonday.plusWeeks(i)).substring(4, 10).trim());
    }
    Map<String, Map<LocalDate, AreaWeek>> byArea = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Rows rows = new Rows();
    for (AreaWeek a : weeks) {
      byArea.computeIfAbsent(a.area(), k -> new TreeMap<>()).put(a.weekStart(), a);
      rows.add(
          Cell.of(a.area()),
          Cell.of("Week of " + w.day(a.weekStart())),
          Cell.of(String.valueOf(a.raised())),
          Cell.of(Wording.seconds(a.medianAckSeconds())),
          Cell.of(Wording.seconds(a.medianResolveSeconds())));
    }
    Table table =
        new Table(
            "area-weeks",
            "Medians of the escalations raised each week, by area",
            List.of("Area", "Week", "Raised", "Acknowledged within", "Resolved within"),
            rows.list(),
            "No escalations in the last " + WEEKS + " weeks.");
    if (byArea.isEmpty()) {
      return List.of(new Section("Week by week", null, null, table));
    }
    return List.of(
        new Section(
            "Week by week",
            "Medians in hours of the escalations raised each week (weeks start on Monday, UTC);"
                + " a gap is a week without one. Confidential escalations are left out.",
            null,
            null,
            chart(
                "esc-ack",
                "Median time to acknowledge, by area and week",
                byArea,
                firstMonday,
                labels,
                AreaWeek::medianAckSeconds)),
        new Section(
            null,
            null,
            null,
            table,
            chart(
                "esc-resolve",
                "Median time to resolve, by area and week",
                byArea,
                firstMonday,
                labels,
                AreaWeek::medianResolveSeconds)));
  }

  private static Chart chart(
      String id,
      String title,
      Map<String, Map<LocalDate, AreaWeek>> byArea,
      LocalDate firstMonday,
      List<String> labels,
      Function<AreaWeek, Double> seconds) {
    List<Charts.Series> series = new ArrayList<>();
    byArea.forEach(
        (area, weeks) -> {
          List<Double> hours = new ArrayList<>();
          for (int i = 0; i < WEEKS; i++) {
            AreaWeek a = weeks.get(firstMonday.plusWeeks(i));
            Double s = a == null ? null : seconds.apply(a);
            hours.add(s == null ? null : s / 3600.0);
          }
          series.add(new Charts.Series(area, hours));
        });
    return new Chart(
        title,
        Charts.lines(
            id,
            title,
            title
                + " over the last "
                + WEEKS
                + " weeks, in hours, one line per area. The table below gives the same figures.",
            labels,
            series,
            0,
            1,
            " h"));
  }
}
