package dev.cosbot.platform.support;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Log lines may carry text people typed (a cadence name, a Slack error): a newline, a carriage
 * return or an ANSI escape in it would forge a line or repaint the terminal. Every message is
 * rendered with control characters escaped ({@code \n}, {@code \u001b}…) before any handler sees
 * it; stack traces are untouched.
 */
@LoggingFilter(name = "escape-control-characters")
public final class EscapingLogFilter implements Filter {
  @Override
  public boolean isLoggable(LogRecord record) {
    if (record instanceof ExtLogRecord ext) {
      String formatted = ext.getFormattedMessage();
      String escaped = escape(formatted);
      if (formatted != null && !formatted.equals(escaped)) {
        ext.setMessage(escaped, ExtLogRecord.FormatStyle.NO_FORMAT);
        ext.setParameters(null);
      }
    }
    return true;
  }

  /** {@code text} with every control character except tab written as an escape. */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0);
      boolean separator = c == '\u2028' || c == '\u2029';
      if (control || separator) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        switch (c) {
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          default -> out.append(String.format("\\u%04x", (int) c));
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
