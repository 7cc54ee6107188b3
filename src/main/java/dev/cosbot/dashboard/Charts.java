package dev.cosbot.dashboard;

import java.util.List;
import java.util.Locale;

/**
 * Line charts as inline SVG, drawn on the server: no script and no CDN, so they work offline and in
 * print. Colours come from the stylesheet (light and dark); each chart has a title and a
 * description for screen readers, and the table next to it says the same in words.
 */
final class Charts {
  private Charts() {}

  static final int WIDTH = 640;
  static final int HEIGHT = 240;
  private static final int LEFT = 48;
  private static final int RIGHT = 32;
  private static final int TOP = 16;
  private static final int BOTTOM = 40;
  private static final int SERIES_COLOURS = 6;

  /** One line: a value per x label, null where there is none. */
  record Series(String name, List<Double> values) {}

  /**
   * A line per series over {@code xLabels}, the y axis from {@code min} to {@code max} (a larger
   * value stretches it). {@code unit} follows the y axis's numbers ("" for none).
   */
  static String lines(
      String id,
      String title,
      String description,
      List<String> xLabels,
      List<Series> series,
      double min,
      double max,
      String unit) {
    for (Series s : series) {
      for (Double v : s.values()) {
        if (v != null && v > max) {
          max = v;
        }
      }
    }
    double top = min + 4 * step(max - min);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    int n = Math.max(1, xLabels.size());
    StringBuilder svg = new StringBuilder();
    svg.append(
            String.format(
                Locale.ROOT,
                "<svg class=\"linechart\" viewBox=\"0 0 %d %d\" role=\"img\""
                    + " aria-labelledby=\"%s-t %s-d\" xmlns=\"http://www.w3.org/2000/svg\">",
                WIDTH,
                HEIGHT + 20 * ((series.size() + 2) / 3),
                id,
                id))
        .append("<title id=\"")
        .append(id)
        .append("-t\">")
        .append(esc(title))
        .append("</title><desc id=\"")
        .append(id)
        .append("-d\">")
        .append(esc(description))
        .append("</desc>");
    // Grid and y axis: five steps.
    for (int i = 0; i <= 4; i++) {
      double value = min + (top - min) * i / 4.0;
      double y = TOP + plotH - plotH * i / 4.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                  + "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s%s</text>",
              LEFT,
              y,
              WIDTH - RIGHT,
              y,
              LEFT - 6,
              y + 4,
              number(value),
              esc(unit)));
    }
    for (int i = 0; i < xLabels.size(); i++) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
              x(i, n, plotW),
              TOP + plotH + 18,
              esc(xLabels.get(i))));
    }
    for (int s = 0; s < series.size(); s++) {
      Series line = series.get(s);
      String cls = "series s" + (s % SERIES_COLOURS);
      StringBuilder path = new StringBuilder();
      StringBuilder dots = new StringBuilder();
      boolean pen = false;
      for (int i = 0; i < line.values().size() && i < xLabels.size(); i++) {
        Double v = line.values().get(i);
        if (v == null) {
          pen = false;
          continue;
        }
        double px = x(i, n, plotW);
        double py = TOP + plotH - plotH * (v - min) / (top - min);
        path.append(String.format(Locale.ROOT, "%s%.1f %.1f ", pen ? "L" : "M", px, py));
        pen = true;
        dots.append(
            String.format(
                Locale.ROOT,
                "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"><title>%s, %s: %s%s</title></circle>",
                cls,
                px,
                py,
                esc(line.name()),
                esc(xLabels.get(i)),
                number(v),
                esc(unit)));
      }
      if (!path.isEmpty()) {
        svg.append("<path class=\"")
            .append(cls)
            .append("\" fill=\"none\" d=\"")
            .append(path.toString().trim())
            .append("\"/>");
      }
      svg.append(dots);
      // Legend, three per line under the plot.
      double lx = LEFT + (s % 3) * (plotW / 3.0);
      int ly = HEIGHT + 20 * (s / 3) - 4;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"%s key\" x=\"%.1f\" y=\"%d\" width=\"12\" height=\"12\"/>"
                  + "<text class=\"legend\" x=\"%.1f\" y=\"%d\">%s</text>",
              cls,
              lx,
              ly - 10,
              lx + 16,
              ly,
              esc(shorten(line.name(), 34))));
    }
    return svg.append("</svg>").toString();
  }

  /** A round step for four grid lines that cover {@code range}: 0.25, 0.5, 1, 2, 5, 10, 20, … */
  static double step(double range) {
    double[] nice = {0.25, 0.5, 1, 2, 5};
    for (double scale = 1; ; scale *= 10) {
      for (double n : nice) {
        if (n * scale * 4 >= range) {
          return n * scale;
        }
      }
    }
  }

  private static double x(int i, int n, int plotW) {
    return n == 1 ? LEFT + plotW / 2.0 : LEFT + plotW * i / (double) (n - 1);
  }

  /** "4", "0.5", "0.25", "3.67": at most two decimals, no trailing zeros. */
  private static String number(double v) {
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.2f", v))
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
