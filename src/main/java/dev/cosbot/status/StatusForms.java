package dev.cosbot.status;

import dev.cosbot.ingress.ModalState;
import dev.cosbot.status.StatusUpdate.Confidence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and validates the two status modals (through the shared {@link ModalState}); problems are
 * named by {@link StatusField}, and the edge words and places them.
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

  /** Either a valid form or the problem of each field that is wrong. */
  public record Parsed<T>(T form, Map<StatusField, FieldProblem> problems) {
    public boolean valid() {
      return problems.isEmpty();
    }
  }

  public static Parsed<InitiativeForm> initiative(ModalState state, LocalDate today) {
    Problems p = new Problems();
    String name = state.text(StatusIds.NAME);
    p.required(StatusField.NAME, name, NAME_MAX);
    if (name != null && name.contains("\n")) {
      p.put(StatusField.NAME, FieldProblem.Kind.ONE_LINE);
    }
    String description = state.text(StatusIds.DESCRIPTION);
    p.limit(StatusField.DESCRIPTION, description, DESCRIPTION_MAX);
    String owner = state.user(StatusIds.OWNER);
    if (owner == null) {
      p.put(StatusField.OWNER, FieldProblem.Kind.CHOOSE);
    }
    String team = team(state, p);
    LocalDate target = null;
    String date = state.date(StatusIds.TARGET);
    if (date != null) {
      try {
        target = LocalDate.parse(date);
        if (target.isBefore(today)) {
          p.put(StatusField.TARGET, FieldProblem.Kind.PAST);
        }
      } catch (DateTimeParseException e) {
        p.put(StatusField.TARGET, FieldProblem.Kind.CHOOSE);
      }
    }
    String tags = state.text(StatusIds.TAGS);
    p.limit(StatusField.TAGS, tags, TAGS_MAX);
    int every = number(state.option(StatusIds.EVERY));
    if (every < 1 || every > 4) {
      p.put(StatusField.EVERY, FieldProblem.Kind.CHOOSE);
    }
    int dayNumber = number(state.option(StatusIds.DAY));
    DayOfWeek day = dayNumber >= 1 && dayNumber <= 7 ? DayOfWeek.of(dayNumber) : null;
    if (day == null) {
      p.put(StatusField.DAY, FieldProblem.Kind.CHOOSE);
    }
    LocalTime time = null;
    try {
      String t = state.time(StatusIds.TIME);
      time = t == null ? null : LocalTime.parse(t);
    } catch (DateTimeParseException e) {
      time = null;
    }
    if (time == null) {
      p.put(StatusField.TIME, FieldProblem.Kind.CHOOSE);
    }
    String channel = state.conversation(StatusIds.CHANNEL);
    Initiative.State lifecycle = Initiative.State.ACTIVE;
    String stateValue = state.option(StatusIds.STATE);
    if (stateValue != null) {
      try {
        lifecycle = Initiative.State.valueOf(stateValue);
      } catch (IllegalArgumentException e) {
        p.put(StatusField.STATE, FieldProblem.Kind.CHOOSE);
      }
    }
    if (!p.map.isEmpty()) {
      return new Parsed<>(null, p.map);
    }
    return new Parsed<>(
        new InitiativeForm(
            name,
            description,
            owner,
            team,
            state.user(StatusIds.DRI),
            state.user(StatusIds.SPONSOR),
            target,
            tags,
            every,
            day,
            time,
            channel,
            lifecycle),
        p.map);
  }

  /** A team chosen from the list, or typed as a new one (one of the two). */
  private static String team(ModalState state, Problems p) {
    String chosen = state.option(StatusIds.TEAM);
    if (chosen == null) {
      chosen = state.text(StatusIds.TEAM); // the form offers a text box when no team exists yet
    }
    String typed = state.text(StatusIds.NEW_TEAM);
    if (chosen != null && typed != null && !chosen.equalsIgnoreCase(typed)) {
      p.put(StatusField.NEW_TEAM, FieldProblem.Kind.TWO_TEAMS);
      return null;
    }
    String team = typed != null ? typed : chosen;
    StatusField where =
        state.value(StatusIds.NEW_TEAM) != null ? StatusField.NEW_TEAM : StatusField.TEAM;
    p.required(where, team, TEAM_MAX);
    return team;
  }

  public static Parsed<UpdateForm> update(ModalState state) {
    Problems p = new Problems();
    Rag rag = Rag.parse(state.option(StatusIds.RAG)).orElse(null);
    if (rag == null) {
      p.put(StatusField.RAG, FieldProblem.Kind.CHOOSE);
    }
    String summary = state.text(StatusIds.SUMMARY);
    p.required(StatusField.SUMMARY, summary, SUMMARY_MAX);
    String progress = state.text(StatusIds.PROGRESS);
    p.limit(StatusField.PROGRESS, progress, PROGRESS_MAX);
    String risks = state.text(StatusIds.RISKS);
    p.limit(StatusField.RISKS, risks, RISKS_MAX);
    if (rag != null && rag != Rag.GREEN && risks == null) {
      p.put(StatusField.RISKS, FieldProblem.Kind.RISKS_NEEDED);
    }
    String asks = state.text(StatusIds.ASKS);
    p.limit(StatusField.ASKS, asks, ASKS_MAX);
    String askTo = state.user(StatusIds.ASK_TO);
    if (askTo != null && asks == null) {
      p.put(StatusField.ASKS, FieldProblem.Kind.ASK_NEEDED);
    }
    Confidence confidence = null;
    String c = state.option(StatusIds.CONFIDENCE);
    if (c != null) {
      try {
        confidence = Confidence.valueOf(c.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        confidence = null;
      }
    }
    if (confidence == null) {
      p.put(StatusField.CONFIDENCE, FieldProblem.Kind.CHOOSE);
    }
    Integer percent = null;
    String typed = state.text(StatusIds.PERCENT);
    if (typed != null) {
      // number_input sends digits; a decimal, a sign or words never reach the database.
      percent =
          typed.replace("%", "").strip().matches("\\d{1,3}")
              ? number(typed.replace("%", "").strip())
              : -1;
      if (percent < 0 || percent > 100) {
        p.put(StatusField.PERCENT, FieldProblem.Kind.PERCENT_RANGE);
      }
    }
    if (!p.map.isEmpty()) {
      return new Parsed<>(null, p.map);
    }
    return new Parsed<>(
        new UpdateForm(rag, summary, progress, risks, asks, askTo, confidence, percent), p.map);
  }

  private static int number(String s) {
    try {
      return s == null ? -1 : Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The problems found so far, the first per field kept. */
  private static final class Problems {
    final Map<StatusField, FieldProblem> map = new LinkedHashMap<>();

    void put(StatusField field, FieldProblem.Kind kind) {
      map.putIfAbsent(field, FieldProblem.of(kind));
    }

    void required(StatusField field, String value, int max) {
      if (value == null) {
        put(field, FieldProblem.Kind.REQUIRED);
      } else {
        limit(field, value, max);
      }
    }

    void limit(StatusField field, String value, int max) {
      if (value != null && value.length() > max) {
        map.putIfAbsent(field, FieldProblem.tooLong(max, value.length()));
      }
    }
  }
}
