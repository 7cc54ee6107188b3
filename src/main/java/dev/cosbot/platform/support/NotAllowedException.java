package dev.cosbot.platform.support;

/** The caller's role does not allow the action; the message says so politely and names who can. */
public class NotAllowedException extends UserFacingException {
  public NotAllowedException(String message) {
    super(message);
  }
}
