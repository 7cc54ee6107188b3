package dev.cosbot.ask;

import dev.cosbot.platform.spi.Meeting;
import dev.cosbot.platform.spi.MeetingAddon;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The top questions by up-votes in the lead-time reminder of a meeting that takes questions. */
@ApplicationScoped
public class AskMeetingAddon implements MeetingAddon {
  /** Questions listed in a reminder. */
  static final int IN_REMINDER = 5;

  @Inject AskService questions;

  @Override
  public int order() {
    return 20;
  }

  @Override
  public List<com.slack.api.model.block.LayoutBlock> reminderBlocks(Meeting meeting) {
    if (!questions.takesQuestions(meeting.cadenceId())) {
      return List.of();
    }
    return AskBlocks.reminder(questions.top(IN_REMINDER, null));
  }

  @Override
  public String calendarText(Meeting meeting) {
    if (!questions.takesQuestions(meeting.cadenceId())) {
      return "";
    }
    return AskBlocks.calendarText(questions.top(IN_REMINDER, null));
  }
}
