package dev.cosbot.status;

import java.util.Optional;

/**
 * The ask a "Reply…" button belongs to: the update and the version whose direct message carries the
 * button (that message is updated once the reply is sent). Signed before it goes into a button or a
 * modal.
 */
record AskRef(long updateId, int version) {
  private static final String PREFIX = "ask:";

  String encode() {
    return PREFIX + updateId + ":" + version;
  }

  static Optional<AskRef> decode(String value) {
    if (value == null || !value.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = value.substring(PREFIX.length()).split(":");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(new AskRef(Long.parseLong(parts[0]), Integer.parseInt(parts[1])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
