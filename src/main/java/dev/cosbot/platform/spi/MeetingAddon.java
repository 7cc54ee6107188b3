package dev.cosbot.platform.spi;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * A feature's part of a meeting's lead-time reminder and calendar event (the all-hands' top
 * questions, the agenda). The cadence feature calls every such bean when it builds a reminder or
 * the feed; the text of each piece is the feature's own.
 */
public interface MeetingAddon {
  /** Lower comes first. */
  int order();

  /** Blocks added to the lead-time reminder of {@code meeting}; empty when nothing to add. Few. */
  List<LayoutBlock> reminderBlocks(Meeting meeting);

  /** Plain text added to the calendar event's description; empty when nothing to add. */
  default String calendarText(Meeting meeting) {
    return "";
  }
}
