package dev.cosbot.platform.support;

/**
 * An error whose message is written for the person in Slack: shown to them as is, never logged as a
 * failure.
 */
public class UserFacingException extends RuntimeException {
  public UserFacingException(String message) {
    super(message, null, false, false);
  }
}
