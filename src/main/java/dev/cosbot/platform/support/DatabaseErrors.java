package dev.cosbot.platform.support;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Tells "the database cannot be reached" (server down, restarting, no connection within the pool's
 * acquisition timeout) apart from every other failure, so a request can get a clear answer instead
 * of a generic error.
 */
public final class DatabaseErrors {
  /** What a person typing a command sees while the database is unreachable. */
  public static final String UNAVAILABLE_MESSAGE =
      "cos-bot can't reach its database right now — please try again in a minute.";

  private DatabaseErrors() {}

  /** True if {@code error} or one of its causes says the database is unreachable. */
  public static boolean isUnavailable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        // 08xxx: connection exceptions; 57P01-57P03: the server is shutting down or starting.
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
          return true;
        }
        String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("acquisition timeout")
            || message.contains("connection has been closed")
            || message.contains("connection refused")) {
          return true;
        }
      }
    }
    return false;
  }
}
