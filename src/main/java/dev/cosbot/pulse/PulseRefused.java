package dev.cosbot.pulse;

import dev.cosbot.platform.support.UserFacingException;

/**
 * Why a person cannot answer (or act on) a survey: a domain reason thrown by {@link PulseService};
 * the words come from {@link PulseBlocks#refusal}.
 */
public class PulseRefused extends UserFacingException {
  /** The reasons, each told to the person in plain words. */
  public enum Reason {
    /** The survey or round does not exist (or a tampered id). */
    NOT_FOUND,
    /** The round has closed. */
    CLOSED,
    /** The round closed while the person was answering. */
    JUST_CLOSED,
    /** The person was not asked. */
    NOT_ASKED,
    /** The survey has no open round. */
    NO_OPEN_ROUND,
    /** The survey has not started its first round. */
    NOT_STARTED
  }

  private final Reason reason;

  public PulseRefused(Reason reason) {
    super(PulseBlocks.refusal(reason));
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
