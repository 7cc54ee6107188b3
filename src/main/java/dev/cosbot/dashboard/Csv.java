package dev.cosbot.dashboard;

import java.util.List;

/**
 * A dashboard table as CSV (RFC 4180), exactly as shown. Cells that a spreadsheet would run as a
 * formula get a leading apostrophe.
 */
final class Csv {
  private Csv() {}

  static String of(View.Table table) {
    StringBuilder out = new StringBuilder();
    line(out, table.headers());
    for (List<View.Cell> row : table.rows()) {
      line(out, row.stream().map(View.Cell::text).toList());
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(values.get(i)));
    }
    out.append("\r\n");
  }

  static String field(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
