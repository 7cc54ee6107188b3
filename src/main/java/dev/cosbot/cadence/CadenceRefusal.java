package dev.cosbot.cadence;

/**
 * Why the cadence service refused a change, as data: the command answers it in words ({@link
 * CadenceBlocks#refusal}).
 *
 * @param reason what went wrong
 * @param name the cadence's name as typed or stored (null when none was given)
 * @param detail the owner's user id ({@code NOT_OWNER}) or the date asked for ({@code
 *     NOT_ON_THAT_DAY})
 */
public class CadenceRefusal extends RuntimeException {
  /** The kinds of refusal. */
  public enum Reason {
    NO_NAME,
    UNKNOWN,
    NOT_OWNER,
    NOT_ON_THAT_DAY
  }

  private final Reason reason;
  private final String name;
  private final String detail;

  public CadenceRefusal(Reason reason, String name, String detail) {
    super(reason.name(), null, false, false);
    this.reason = reason;
    this.name = name;
    this.detail = detail;
  }

  public Reason reason() {
    return reason;
  }

  public String name() {
    return name;
  }

  public String detail() {
    return detail;
  }
}
