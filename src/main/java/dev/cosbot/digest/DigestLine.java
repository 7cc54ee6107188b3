package dev.cosbot.digest;

import dev.cosbot.platform.spi.DigestButton;
import dev.cosbot.platform.spi.DigestItem;
import java.util.List;

/**
 * One item as the digest shows it: the source's item, its buttons, and whether a Chief of Staff
 * pinned it (pinned lines come first in their section and are never left out for space).
 */
public record DigestLine(DigestItem item, List<DigestButton> buttons, boolean pinned) {
  public DigestLine {
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
  }
}
