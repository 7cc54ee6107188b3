package dev.cosbot.hostile;

/**
 * One hostile input: what is tried, what must happen, and the attempt itself. The attempt sends the
 * input, asserts the expected handling (throwing on any deviation) and returns what it observed for
 * the report, e.g. {@code "401 {\"error\":\"invalid request\"}"}.
 *
 * @param category e.g. "signature", "size", "malformed", "unknown-id", "metadata", "role",
 *     "injection", "sql"
 * @param name what is tried, in a few words
 * @param expected what must happen, in a few words
 * @param changesNothing true if the watched tables must be identical before and after
 */
public record HostileCase(
    String category, String name, String expected, boolean changesNothing, Attempt attempt) {

  /** Sends the input and checks the outcome. */
  @FunctionalInterface
  public interface Attempt {
    String run() throws Exception;
  }

  public static HostileCase refused(
      String category, String name, String expected, Attempt attempt) {
    return new HostileCase(category, name, expected, true, attempt);
  }

  public static HostileCase mayWrite(
      String category, String name, String expected, Attempt attempt) {
    return new HostileCase(category, name, expected, false, attempt);
  }
}
