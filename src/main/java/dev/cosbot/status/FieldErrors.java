package dev.cosbot.status;

import java.util.Map;

/** A modal submission the service refused, with the message to show next to each field. */
public class FieldErrors extends RuntimeException {
  private final Map<String, String> errors;

  public FieldErrors(Map<String, String> errors) {
    super(errors.toString(), null, false, false);
    this.errors = errors;
  }

  public Map<String, String> errors() {
    return errors;
  }
}
