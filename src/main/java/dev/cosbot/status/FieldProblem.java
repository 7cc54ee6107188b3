package dev.cosbot.status;

/**
 * What is wrong with one field of a submitted form, as a domain value; {@link StatusMessages} words
 * it.
 *
 * @param kind what is wrong
 * @param max the limit that was passed (characters), when {@code kind} is {@link Kind#TOO_LONG}
 * @param length the length that was entered, when {@code kind} is {@link Kind#TOO_LONG}
 */
public record FieldProblem(Kind kind, int max, int length) {
  /** The kinds of problem a status form can have. */
  public enum Kind {
    /** Left empty but required. */
    REQUIRED,
    /** Longer than the field allows. */
    TOO_LONG,
    /** A line break in a one-line value. */
    ONE_LINE,
    /** Nothing (valid) chosen in a menu or picker. */
    CHOOSE,
    /** A date in the past. */
    PAST,
    /** Not on track, but no risk given. */
    RISKS_NEEDED,
    /** A person to ask was chosen, but no ask written. */
    ASK_NEEDED,
    /** Not a whole number from 0 to 100. */
    PERCENT_RANGE,
    /** Another initiative already has this name. */
    TAKEN,
    /** A team both chosen from the list and typed as new. */
    TWO_TEAMS
  }

  static FieldProblem of(Kind kind) {
    return new FieldProblem(kind, 0, 0);
  }

  static FieldProblem tooLong(int max, int length) {
    return new FieldProblem(Kind.TOO_LONG, max, length);
  }
}
