package dev.cosbot.cadence;

import dev.cosbot.ingress.ModalState;
import dev.cosbot.ingress.command.CommandText;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the new-cadence modal's values into a {@link CadenceDraft} or per-field error messages
 * (keyed by block id, as Slack's {@code response_action: errors} wants them). No database access:
 * people named as {@code @name} are resolved through the function passed in.
 */
public final class CadenceForm {
  public static final int MAX_TASKS = 15;
  public static final int MAX_PEOPLE = 20;

  /** "task | person | due": the person may be a Slack mention, which itself contains a bar. */
  private static final java.util.regex.Pattern TASK_LINE =
      java.util.regex.Pattern.compile("(.+?)\\s*[|—]\\s*(<@[^>]+>|[^|—]+?)\\s*[|—]\\s*([^|—]+)");

  private CadenceForm() {}

  /** The outcome: a draft when {@code errors} is empty. */
  public record Result(CadenceDraft draft, Map<String, String> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /** Reads the submitted (or previewed) modal through the shared {@link ModalState} reader. */
  public static Result parse(
      ModalState state, String callerId, Function<String, String> resolveUser) {
    Map<String, String> values = new java.util.HashMap<>();
    put(values, CadenceIds.B_NAME, state.text(CadenceIds.B_NAME));
    put(values, CadenceIds.B_OWNER, state.user(CadenceIds.B_OWNER));
    put(values, CadenceIds.B_KIND, state.option(CadenceIds.B_KIND));
    put(values, CadenceIds.B_START, state.date(CadenceIds.B_START));
    put(values, CadenceIds.B_TIME, state.time(CadenceIds.B_TIME));
    String zone = state.option(CadenceIds.B_ZONE);
    put(values, CadenceIds.B_ZONE, zone != null ? zone : state.text(CadenceIds.B_ZONE));
    put(values, CadenceIds.B_RRULE, state.text(CadenceIds.B_RRULE));
    put(values, CadenceIds.B_CHANNEL, state.conversation(CadenceIds.B_CHANNEL));
    put(values, CadenceIds.B_PEOPLE, String.join(" ", state.users(CadenceIds.B_PEOPLE)));
    put(values, CadenceIds.B_MESSAGE, state.text(CadenceIds.B_MESSAGE));
    put(values, CadenceIds.B_LEADS, state.text(CadenceIds.B_LEADS));
    put(values, CadenceIds.B_CHECKLIST, state.text(CadenceIds.B_CHECKLIST));
    return parse(values, callerId, resolveUser);
  }

  private static void put(Map<String, String> values, String key, String value) {
    if (value != null) {
      values.put(key, value);
    }
  }

  /**
   * @param values block id → entered value (multi-selects joined by spaces); missing = empty
   * @param resolveUser "@name" / "name" → Slack user id, or null when unknown
   */
  public static Result parse(
      Map<String, String> values, String callerId, Function<String, String> resolveUser) {
    Map<String, String> errors = new LinkedHashMap<>();
    String name = value(values, CadenceIds.B_NAME);
    if (name.isEmpty()) {
      errors.put(CadenceIds.B_NAME, CadenceBlocks.NAME_MISSING);
    } else if (name.length() > 80) {
      errors.put(CadenceIds.B_NAME, CadenceBlocks.NAME_TOO_LONG);
    }
    LocalDate date = null;
    try {
      date = LocalDate.parse(value(values, CadenceIds.B_START));
    } catch (DateTimeException e) {
      errors.put(CadenceIds.B_START, CadenceBlocks.START_MISSING);
    }
    LocalTime time = null;
    try {
      time = LocalTime.parse(value(values, CadenceIds.B_TIME));
    } catch (DateTimeException e) {
      errors.put(CadenceIds.B_TIME, CadenceBlocks.TIME_MISSING);
    }
    ZoneId zone = null;
    try {
      zone = ZoneId.of(value(values, CadenceIds.B_ZONE));
    } catch (DateTimeException e) {
      errors.put(CadenceIds.B_ZONE, CadenceBlocks.ZONE_MISSING);
    }
    String rrule = null;
    String custom = value(values, CadenceIds.B_RRULE);
    String kindValue = value(values, CadenceIds.B_KIND);
    try {
      if (!custom.isEmpty()) {
        rrule = CadenceSchedule.normalise(custom);
        new net.fortuna.ical4j.model.Recur<LocalDateTime>(rrule);
      } else if (kindValue.isEmpty() || kindValue.equals(CadenceSchedule.Kind.CUSTOM.name())) {
        errors.put(CadenceIds.B_KIND, CadenceBlocks.KIND_OR_CUSTOM_MISSING);
      } else if (date != null) {
        rrule = CadenceSchedule.rruleFor(CadenceSchedule.Kind.valueOf(kindValue), date);
      }
    } catch (CadenceSchedule.TooOften e) {
      errors.put(CadenceIds.B_RRULE, CadenceBlocks.CUSTOM_RULE_TOO_OFTEN);
    } catch (RuntimeException e) {
      errors.put(CadenceIds.B_RRULE, CadenceBlocks.CUSTOM_RULE_UNREADABLE);
    }
    String channel = value(values, CadenceIds.B_CHANNEL);
    List<String> people = new ArrayList<>();
    for (String p : value(values, CadenceIds.B_PEOPLE).split("\\s+")) {
      if (!p.isBlank()) {
        people.add(p.trim());
      }
    }
    if (channel.isEmpty() && people.isEmpty()) {
      errors.put(CadenceIds.B_CHANNEL, CadenceBlocks.NO_AUDIENCE);
    }
    if (people.size() > MAX_PEOPLE) {
      errors.put(CadenceIds.B_PEOPLE, CadenceBlocks.tooManyPeople(MAX_PEOPLE));
    }
    String message = value(values, CadenceIds.B_MESSAGE);
    if (message.length() > 2000) {
      errors.put(CadenceIds.B_MESSAGE, CadenceBlocks.MESSAGE_TOO_LONG);
    }
    List<Integer> leads = List.of();
    try {
      leads = LeadTimes.parse(value(values, CadenceIds.B_LEADS));
      if (leads.size() > 6) {
        errors.put(CadenceIds.B_LEADS, CadenceBlocks.TOO_MANY_REMINDERS);
      }
    } catch (IllegalArgumentException e) {
      errors.put(CadenceIds.B_LEADS, e.getMessage());
    }
    List<CadenceDraft.Task> tasks = new ArrayList<>();
    String checklist = value(values, CadenceIds.B_CHECKLIST);
    int lineNo = 0;
    for (String line : checklist.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      lineNo++;
      java.util.regex.Matcher m = TASK_LINE.matcher(line.trim());
      if (!m.matches()) {
        errors.putIfAbsent(CadenceIds.B_CHECKLIST, CadenceBlocks.taskLineUnreadable(lineNo));
        continue;
      }
      String[] parts = {m.group(1), m.group(2), m.group(3)};
      String title = parts[0].trim();
      String who = parts[1].trim();
      String dri = CommandText.userId(who);
      if (dri == null) {
        dri = resolveUser.apply(who.startsWith("@") ? who.substring(1) : who);
      }
      if (title.isEmpty() || title.length() > 150) {
        errors.putIfAbsent(CadenceIds.B_CHECKLIST, CadenceBlocks.taskTitleProblem(lineNo));
        continue;
      }
      if (dri == null) {
        errors.putIfAbsent(
            CadenceIds.B_CHECKLIST, CadenceBlocks.unknownTaskPerson(lineNo, cut(who)));
        continue;
      }
      try {
        tasks.add(new CadenceDraft.Task(title, dri, LeadTimes.parseOne(parts[2].trim())));
      } catch (IllegalArgumentException e) {
        errors.putIfAbsent(CadenceIds.B_CHECKLIST, CadenceBlocks.taskLine(lineNo, e.getMessage()));
      }
    }
    if (tasks.size() > MAX_TASKS) {
      errors.put(CadenceIds.B_CHECKLIST, CadenceBlocks.tooManyTasks(MAX_TASKS));
    }
    String owner = value(values, CadenceIds.B_OWNER);
    if (owner.isEmpty()) {
      owner = callerId;
    }
    if (!errors.isEmpty() || rrule == null || date == null || time == null || zone == null) {
      if (errors.isEmpty()) {
        errors.put(CadenceIds.B_KIND, CadenceBlocks.KIND_MISSING);
      }
      return new Result(null, errors);
    }
    CadenceDraft draft =
        new CadenceDraft(
            name,
            owner,
            rrule,
            LocalDateTime.of(date, time),
            zone,
            channel.isEmpty() ? null : channel,
            people,
            message,
            leads,
            tasks);
    return new Result(draft, errors);
  }

  private static String value(Map<String, String> values, String key) {
    String v = values.get(key);
    return v == null ? "" : v.trim();
  }

  private static String cut(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
