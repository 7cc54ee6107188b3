package dev.cosbot.status;

import static dev.cosbot.status.StatusIds.*;

import com.slack.api.model.view.ViewState;
import dev.cosbot.status.StatusUpdate.Confidence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and validates the two modals; errors are keyed by block id for {@code response_action:
 * errors}.
 */
public final class StatusForms {
  public static final int NAME_MAX = 80;
  public static final int DESCRIPTION_MAX = 1000;
  public static final int TEAM_MAX = 80;
  public static final int TAGS_MAX = 200;
  public static final int SUMMARY_MAX = 500;
  public static final int PROGRESS_MAX = 2000;
  public static final int RISKS_MAX = 2000;
  public static final int ASKS_MAX = 1000;

  private StatusForms() {}

  /** The initiative modal's content. */
  public record InitiativeForm(
      String name,
      String description,
      String ownerId,
      String team,
      String driId,
      String sponsorId,
      LocalDate targetDate,
      String tags,
      int everyWeeks,
      DayOfWeek day,
      LocalTime time,
      String reportChannel,
      Initiative.State state) {}

  /** The update modal's content. */
  public record UpdateForm(
      Rag rag,
      String summary,
      String progress,
      String risks,
      String asks,
      String askTo,
      Confidence confidence,
      Integer percent) {}

  /** Either a valid form or the errors to show next to the fields. */
  public record Parsed<T>(T form, Map<String, String> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  public static Parsed<InitiativeForm> initiative(
      Map<String, Map<String, ViewState.Value>> values, LocalDate today) {
    Map<String, String> errors = new LinkedHashMap<>();
    String name = text(values, NAME);
    required(errors, NAME, name, NAME_MAX);
    if (name != null && name.contains("\n")) {
      errors.put(NAME, "Keep the name on one line.");
    }
    String description = text(values, DESCRIPTION);
    limit(errors, DESCRIPTION, description, DESCRIPTION_MAX);
    String owner = value(values, OWNER) == null ? null : value(values, OWNER).getSelectedUser();
    if (owner == null || owner.isBlank()) {
      errors.put(OWNER, "Choose the owner.");
    }
    String team = text(values, TEAM);
    required(errors, TEAM, team, TEAM_MAX);
    String dri = value(values, DRI) == null ? null : blank(value(values, DRI).getSelectedUser());
    String sponsor =
        value(values, SPONSOR) == null ? null : blank(value(values, SPONSOR).getSelectedUser());
    LocalDate target = null;
    String date =
        value(values, TARGET) == null ? null : blank(value(values, TARGET).getSelectedDate());
    if (date != null) {
      try {
        target = LocalDate.parse(date);
        if (target.isBefore(today)) {
          errors.put(TARGET, "The target date is in the past.");
        }
      } catch (DateTimeParseException e) {
        errors.put(TARGET, "Pick a date.");
      }
    }
    String tags = text(values, TAGS);
    limit(errors, TAGS, tags, TAGS_MAX);
    int every = 1;
    String everyValue = option(values, EVERY);
    if (everyValue != null) {
      try {
        every = Integer.parseInt(everyValue);
      } catch (NumberFormatException e) {
        every = 0;
      }
      if (every < 1 || every > 4) {
        errors.put(EVERY, "Choose how often updates are due.");
      }
    } else {
      errors.put(EVERY, "Choose how often updates are due.");
    }
    DayOfWeek day = null;
    String dayValue = option(values, DAY);
    try {
      day = dayValue == null ? null : DayOfWeek.of(Integer.parseInt(dayValue));
    } catch (RuntimeException e) {
      day = null;
    }
    if (day == null) {
      errors.put(DAY, "Choose the day updates are due.");
    }
    LocalTime time = null;
    String timeValue =
        value(values, TIME) == null ? null : blank(value(values, TIME).getSelectedTime());
    try {
      time = timeValue == null ? null : LocalTime.parse(timeValue);
    } catch (DateTimeParseException e) {
      time = null;
    }
    if (time == null) {
      errors.put(TIME, "Choose the time updates are due (the owner's local time).");
    }
    String channel = null;
    ViewState.Value channelValue = value(values, CHANNEL);
    if (channelValue != null) {
      channel =
          blank(
              channelValue.getSelectedChannel() != null
                  ? channelValue.getSelectedChannel()
                  : channelValue.getSelectedConversation());
    }
    Initiative.State state = Initiative.State.ACTIVE;
    String stateValue = option(values, STATE);
    if (stateValue != null) {
      try {
        state = Initiative.State.valueOf(stateValue);
      } catch (IllegalArgumentException e) {
        errors.put(STATE, "Choose a state.");
      }
    }
    if (!errors.isEmpty()) {
      return new Parsed<>(null, errors);
    }
    return new Parsed<>(
        new InitiativeForm(
            name.trim(),
            description,
            owner,
            team.trim(),
            dri,
            sponsor,
            target,
            tags,
            every,
            day,
            time,
            channel,
            state),
        errors);
  }

  public static Parsed<UpdateForm> update(Map<String, Map<String, ViewState.Value>> values) {
    Map<String, String> errors = new LinkedHashMap<>();
    Rag rag = Rag.parse(option(values, RAG)).orElse(null);
    if (rag == null) {
      errors.put(RAG, "Choose on track, at risk or off track.");
    }
    String summary = text(values, SUMMARY);
    required(errors, SUMMARY, summary, SUMMARY_MAX);
    String progress = text(values, PROGRESS);
    limit(errors, PROGRESS, progress, PROGRESS_MAX);
    String risks = text(values, RISKS);
    limit(errors, RISKS, risks, RISKS_MAX);
    if (rag != null && rag != Rag.GREEN && risks == null && !errors.containsKey(RISKS)) {
      errors.put(RISKS, "Say what puts it at risk when it is not on track.");
    }
    String asks = text(values, ASKS);
    limit(errors, ASKS, asks, ASKS_MAX);
    String askTo =
        value(values, ASK_TO) == null ? null : blank(value(values, ASK_TO).getSelectedUser());
    if (askTo != null && asks == null) {
      errors.put(ASKS, "Write the ask for the person you chose.");
    }
    Confidence confidence = null;
    String c = option(values, CONFIDENCE);
    if (c != null) {
      try {
        confidence = Confidence.valueOf(c.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        confidence = null;
      }
    }
    if (confidence == null) {
      errors.put(CONFIDENCE, "Choose how confident you are.");
    }
    Integer percent = null;
    String p = text(values, PERCENT);
    if (p != null) {
      try {
        percent = Integer.parseInt(p.replace("%", "").trim());
        if (percent < 0 || percent > 100) {
          errors.put(PERCENT, "Enter a whole number from 0 to 100.");
        }
      } catch (NumberFormatException e) {
        errors.put(PERCENT, "Enter a whole number from 0 to 100.");
      }
    }
    if (!errors.isEmpty()) {
      return new Parsed<>(null, errors);
    }
    return new Parsed<>(
        new UpdateForm(rag, summary, progress, risks, asks, askTo, confidence, percent), errors);
  }

  private static void required(Map<String, String> errors, String block, String value, int max) {
    if (value == null) {
      errors.put(block, "This is required.");
    } else {
      limit(errors, block, value, max);
    }
  }

  private static void limit(Map<String, String> errors, String block, String value, int max) {
    if (value != null && value.length() > max) {
      errors.put(block, "Keep it under " + max + " characters (now " + value.length() + ").");
    }
  }

  private static ViewState.Value value(
      Map<String, Map<String, ViewState.Value>> values, String block) {
    if (values == null || !values.containsKey(block)) {
      return null;
    }
    Map<String, ViewState.Value> actions = values.get(block);
    return actions.containsKey(VALUE)
        ? actions.get(VALUE)
        : actions.values().stream().findFirst().orElse(null);
  }

  private static String text(Map<String, Map<String, ViewState.Value>> values, String block) {
    ViewState.Value v = value(values, block);
    return v == null ? null : blank(v.getValue());
  }

  private static String option(Map<String, Map<String, ViewState.Value>> values, String block) {
    ViewState.Value v = value(values, block);
    return v == null || v.getSelectedOption() == null
        ? null
        : blank(v.getSelectedOption().getValue());
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
