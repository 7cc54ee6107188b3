package dev.cosbot.escalation;

import java.util.Locale;
import java.util.Optional;

/** How bad it is: S1 critical, S2 high, S3 normal. */
public enum Severity {
  S1("critical"),
  S2("high"),
  S3("normal");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** E.g. "S1 — critical". */
  public String display() {
    return name() + " — " + label;
  }

  public static Optional<Severity> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
