package dev.cosbot.status;

import java.util.Locale;
import java.util.Optional;

/** Health of an initiative: on track, at risk, off track. */
public enum Rag {
  GREEN("On track", ":large_green_circle:"),
  AMBER("At risk", ":large_orange_circle:"),
  RED("Off track", ":red_circle:");

  private final String label;
  private final String emoji;

  Rag(String label, String emoji) {
    this.label = label;
    this.emoji = emoji;
  }

  public String label() {
    return label;
  }

  public String emoji() {
    return emoji;
  }

  /** Higher is worse: RED 2, AMBER 1, GREEN 0. */
  public int severity() {
    return ordinal();
  }

  public static Optional<Rag> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
