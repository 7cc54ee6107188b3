package dev.cosbot.status;

/** CSV cells that are safe to open in a spreadsheet: quoted when needed, formulas neutralised. */
public final class Csv {
  private Csv() {}

  /**
   * One cell. Text starting with {@code = + - @} (or a tab or carriage return) would run as a
   * formula in Excel or Sheets, so it gets a leading apostrophe (OWASP's CSV injection advice).
   */
  public static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0
        || v.indexOf('\'') == 0) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  public static String row(String... cells) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells[i]));
    }
    return out.append("\r\n").toString();
  }
}
