package dev.cosbot.platform.outbox;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Logs a trouble (Slack failing, the database unreachable) by its changes of state: one WARN when
 * it begins, one INFO with the counts when it ends, never a line per message per retry. A trouble
 * that lasts is recalled once every {@link #REMINDER} so a log tail still shows it.
 */
final class OutageLog {
  static final Duration REMINDER = Duration.ofMinutes(10);

  private final Logger log;
  private final String what;
  private final LongSupplier nanos;
  private long since;
  private long lastLine;
  private long failures;
  private String firstError;
  private boolean failing;

  OutageLog(Logger log, String what, LongSupplier nanos) {
    this.log = log;
    this.what = what;
    this.nanos = nanos;
  }

  /** One more failure; logs only when this begins a trouble or a reminder is due. */
  synchronized void failed(String error, String detail) {
    long now = nanos.getAsLong();
    failures++;
    if (!failing) {
      failing = true;
      since = now;
      lastLine = now;
      firstError = error;
      log.warnf(
          "%s began (%s%s): messages wait and are retried with back-off, nothing is dropped;"
              + " the end is logged with the number of failed attempts",
          what, error, detail == null ? "" : " on " + detail);
    } else if (now - lastLine >= REMINDER.toNanos()) {
      lastLine = now;
      log.warnf(
          "%s continues after %s: %d attempts failed so far (last: %s)",
          what, minutes(now - since), failures, error);
    } else {
      log.debugf("%s: %s%s", what, error, detail == null ? "" : " on " + detail);
    }
  }

  /** A success; logs the end of a trouble with its duration and counts. */
  synchronized void succeeded() {
    if (!failing) {
      return;
    }
    failing = false;
    log.infof(
        "%s ended after %s: %d attempts failed (first: %s), delivery goes on",
        what, minutes(nanos.getAsLong() - since), failures, firstError);
    failures = 0;
  }

  synchronized boolean failing() {
    return failing;
  }

  private static String minutes(long nanos) {
    long seconds = Math.max(0, nanos / 1_000_000_000L);
    return seconds < 120 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
  }
}
