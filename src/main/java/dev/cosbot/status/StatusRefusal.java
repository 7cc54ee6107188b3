package dev.cosbot.status;

import dev.cosbot.platform.support.UserFacingException;
import java.util.List;

/**
 * Why the status service refused a request, as a domain reason: the service names what happened,
 * {@link StatusMessages} words it for the person, and a form shows it next to {@link #field()}.
 */
public class StatusRefusal extends UserFacingException {
  /** The reasons the status service refuses. */
  public enum Reason {
    /** No initiative name was given where one is needed. */
    NAME_MISSING,
    /** No open initiative is called {@link #typed()}; {@link #choices()} holds a suggestion. */
    NO_SUCH_INITIATIVE,
    /** The initiative of a form or button no longer exists (or its id was tampered with). */
    GONE,
    /** The initiative is done and takes no more updates. */
    DONE,
    /** Only its owner or a Chief of Staff may change it. */
    NOT_OWNER,
    /** Only its owner, DRI or a Chief of Staff may post its update. */
    NOT_UPDATER,
    /** The caller owns no open initiative to update. */
    OWNS_NONE,
    /** The caller owns several: {@link #choices()} names them. */
    WHICH_ONE,
    /** Another initiative already has this name. */
    NAME_TAKEN
  }

  private final Reason reason;
  private final String typed;
  private final List<String> choices;

  public StatusRefusal(Reason reason, String typed, List<String> choices) {
    super(reason.name());
    this.reason = reason;
    this.typed = typed;
    this.choices = choices == null ? List.of() : List.copyOf(choices);
  }

  public StatusRefusal(Reason reason) {
    this(reason, null, null);
  }

  /** A refusal about one initiative, named. */
  public StatusRefusal(Reason reason, Initiative about) {
    this(reason, about.name, null);
  }

  public Reason reason() {
    return reason;
  }

  /** The name typed or the initiative's name the refusal is about (null when none). */
  public String typed() {
    return typed;
  }

  /** Names offered instead (a suggestion, or the caller's initiatives). */
  public List<String> choices() {
    return choices;
  }

  /** The form field the refusal belongs next to, or null for the form as a whole. */
  public StatusField field() {
    return reason == Reason.NAME_TAKEN ? StatusField.NAME : null;
  }

  /** The words for the person, from {@link StatusMessages}. */
  @Override
  public String getMessage() {
    return StatusMessages.refusal(this);
  }
}
