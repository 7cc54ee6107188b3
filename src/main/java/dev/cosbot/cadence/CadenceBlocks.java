package dev.cosbot.cadence;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.conversationsSelect;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.multiUsersSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import static com.slack.api.model.block.element.BlockElements.usersSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.cosbot.platform.support.InputBlocks;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.SlackDates;
import dev.cosbot.platform.support.SlackText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Block Kit for cadences: the new-cadence modal, reminders with their checklist, and command
 * answers. Pure functions.
 */
public final class CadenceBlocks {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  private CadenceBlocks() {}

  /** A message: fallback text plus blocks. */
  public record Message(String text, List<LayoutBlock> blocks) {}

  // ---------------------------------------------------------------- formatting

  /** A moment as a Slack date token: each reader sees it in their own zone. */
  public static String when(Instant at, ZoneId zone) {
    return SlackDates.token(at, zone);
  }

  /** The same moment as plain text naming the zone, for notification text. */
  static String plainWhen(Instant at, ZoneId zone) {
    return SlackDates.fallback(at, zone);
  }

  public static String day(LocalDate date) {
    return DAY.format(date);
  }

  /** The label of a "How often" choice. */
  static String kindLabel(CadenceSchedule.Kind kind) {
    return switch (kind) {
      case WEEKDAYS -> "Every weekday";
      case WEEKLY -> "Every week, on the start date's weekday";
      case BIWEEKLY -> "Every other week, on the start date's weekday";
      case MONTHLY_FIRST_WEEKDAY -> "Monthly, first of the start date's weekday";
      case MONTHLY_LAST_BUSINESS_DAY -> "Last business day of the month";
      case QUARTERLY_FIRST_WEEKDAY -> "Quarterly, first of the start date's weekday";
      case YEARLY -> "Once a year, on the start date";
      case CUSTOM -> "Custom (advanced field below)";
    };
  }

  /** "Every weekday at 9:00 AM (New York)": a schedule as people say it. */
  public static String schedule(String rrule, java.time.LocalTime time, ZoneId zone) {
    return repeat(rrule) + " at " + SlackDates.clock(time) + " (" + SlackDates.zoneName(zone) + ")";
  }

  /** The schedule of a stored cadence, as people say it. */
  public static String schedule(Cadence c) {
    return schedule(c.rrule, c.startsLocal.toLocalTime(), c.zone());
  }

  /** The repeat part of a rule in words; rules the modal does not write read as "Custom …". */
  static String repeat(String rrule) {
    java.util.Map<String, String> parts = new java.util.HashMap<>();
    for (String p : rrule.split(";")) {
      int eq = p.indexOf('=');
      if (eq > 0) {
        parts.put(p.substring(0, eq), p.substring(eq + 1));
      }
    }
    String freq = parts.getOrDefault("FREQ", "");
    String byDay = parts.getOrDefault("BYDAY", "");
    int interval = Integer.parseInt(parts.getOrDefault("INTERVAL", "1").replaceAll("\\D", "0"));
    java.util.Set<String> known =
        java.util.Set.of("FREQ", "BYDAY", "INTERVAL", "BYSETPOS", "BYMONTH", "BYMONTHDAY");
    boolean simple = known.containsAll(parts.keySet());
    if (simple && freq.equals("DAILY") && parts.size() == 1) {
      return "Every day";
    }
    if (simple && freq.equals("WEEKLY") && !parts.containsKey("BYSETPOS")) {
      String days = byDay.equals("MO,TU,WE,TH,FR") ? "weekday" : dayList(byDay);
      if (days != null && !parts.containsKey("BYMONTH") && !parts.containsKey("BYMONTHDAY")) {
        return interval == 1
            ? "Every " + days
            : interval == 2 ? "Every other " + days : "Every " + interval + " weeks on " + days;
      }
    }
    if (simple
        && freq.equals("MONTHLY")
        && byDay.equals("MO,TU,WE,TH,FR")
        && "-1".equals(parts.get("BYSETPOS"))
        && parts.size() == 3) {
      return "Last business day of the month";
    }
    if (simple && freq.equals("MONTHLY") && byDay.matches("1[A-Z]{2}") && parts.size() == 2) {
      return "First " + dayName(byDay.substring(1)) + " of each month";
    }
    if (simple
        && freq.equals("YEARLY")
        && byDay.matches("1[A-Z]{2}")
        && "1,4,7,10".equals(parts.get("BYMONTH"))
        && parts.size() == 3) {
      return "First " + dayName(byDay.substring(1)) + " of each quarter";
    }
    if (simple
        && freq.equals("YEARLY")
        && parts.size() == 3
        && parts.getOrDefault("BYMONTH", "").matches("\\d{1,2}")
        && parts.getOrDefault("BYMONTHDAY", "").matches("\\d{1,2}")) {
      return "Every year on "
          + Integer.parseInt(parts.get("BYMONTHDAY"))
          + " "
          + java.time.Month.of(Integer.parseInt(parts.get("BYMONTH")))
              .getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
    }
    return switch (freq) {
      case "DAILY" -> "Custom schedule, daily";
      case "WEEKLY" -> "Custom schedule, weekly";
      case "MONTHLY" -> "Custom schedule, monthly";
      case "YEARLY" -> "Custom schedule, yearly";
      default -> "Custom schedule";
    };
  }

  private static String dayList(String byDay) {
    if (!byDay.matches("[A-Z]{2}(,[A-Z]{2})*")) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (String d : byDay.split(",")) {
      String n = dayName(d);
      if (n == null) {
        return null;
      }
      names.add(n);
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }

  private static String dayName(String ical) {
    for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
      if (CadenceSchedule.ical(d).equals(ical)) {
        return SlackDates.dayName(d);
      }
    }
    return null;
  }

  /** "2 days and 1 hour before", "no reminders". */
  static String leads(List<Integer> minutes) {
    if (minutes.isEmpty()) {
      return "no reminders";
    }
    List<String> parts = minutes.stream().map(LeadTimes::human).toList();
    String joined =
        parts.size() == 1
            ? parts.get(0)
            : String.join(", ", parts.subList(0, parts.size() - 1))
                + " and "
                + parts.get(parts.size() - 1);
    return joined + " before";
  }

  // ---------------------------------------------------------------- the modal

  public static View newCadenceModal(
      String ownerId, String defaultZone, String previewText, Instant now) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        InputBlocks.field(
            CadenceIds.B_NAME,
            "Name",
            false,
            null,
            plainTextInput(
                p ->
                    p.actionId(CadenceIds.A_INPUT)
                        .maxLength(80)
                        .placeholder(plainText("Weekly staff meeting")))));
    blocks.add(
        InputBlocks.field(
            CadenceIds.B_OWNER,
            "Owner",
            true,
            "Warned when prep tasks are late. Defaults to you.",
            usersSelect(u -> u.actionId(CadenceIds.A_INPUT).initialUser(ownerId))));
    List<OptionObject> kinds = new ArrayList<>();
    for (CadenceSchedule.Kind k : CadenceSchedule.Kind.values()) {
      kinds.add(option(plainText(kindLabel(k)), k.name()));
    }
    blocks.add(
        InputBlocks.field(
            CadenceIds.B_KIND,
            "How often",
            true,
            null,
            staticSelect(s -> s.actionId(CadenceIds.A_INPUT).options(kinds))));
    blocks.add(
        InputBlocks.field(
            CadenceIds.B_START,
            "First occurrence",
            false,
            "Weekday, month and day of the schedule come from this date.",
            datePicker(d -> d.actionId(CadenceIds.A_INPUT))));
    blocks.add(
        InputBlocks.field(
            CadenceIds.B_TIME,
            "Time",
            false,
            null,
            timePicker(t -> t.actionId(CadenceIds.A_INPUT).initialTime("09:00"))));
    List<OptionObject> zones = new ArrayList<>();
    OptionObject initialZone = null;
    for (ZoneId z : SlackDates.menuZones(defaultZone, now)) {
      OptionObject o = option(plainText(SlackDates.zoneLabel(z, now)), z.getId());
      zones.add(o);
      if (z.getId().equals(defaultZone)) {
        initialZone = o;
      }
    }
    OptionObject zoneChoice = initialZone;
    blocks.add(
        InputBlocks.field(
            CadenceIds.B_ZONE,
            "Time zone",
            false,
            "Defaults to yours. Reminders show each reader their own time.",
            staticSelect(
                s -> s.actionId(CadenceIds.A_INPUT).options(zones).initialOption(zoneChoice))));
    blocks.add(
        InputBlocks.field(
            CadenceIds.B_CHANNEL,
            "Post in channel",
            true,
            null,
            conversationsSelect(c -> c.actionId(CadenceIds.A_INPUT))));
    blocks.add(
        InputBlocks.field(
            CadenceIds.B_PEOPLE,
            "…and/or remind people",
            true,
            null,
            multiUsersSelect(
                u -> u.actionId(CadenceIds.A_INPUT).maxSelectedItems(CadenceForm.MAX_PEOPLE))));
    blocks.add(
        InputBlocks.field(
            CadenceIds.B_MESSAGE,
            "Message",
            true,
            null,
            plainTextInput(p -> p.actionId(CadenceIds.A_INPUT).multiline(true).maxLength(2000))));
    blocks.add(
        InputBlocks.field(
            CadenceIds.B_LEADS,
            "Remind before",
            true,
            "e.g. 14d, 3d, 1d, 1h (w, d, h, m)",
            plainTextInput(p -> p.actionId(CadenceIds.A_INPUT).maxLength(100).initialValue("1d"))));
    blocks.add(
        InputBlocks.field(
            CadenceIds.B_CHECKLIST,
            "Prep checklist",
            true,
            "One task per line: task | @person | due before, e.g. Deck draft | @ana | 3d",
            plainTextInput(p -> p.actionId(CadenceIds.A_INPUT).multiline(true).maxLength(3000))));
    blocks.add(
        InputBlocks.field(
            CadenceIds.B_RRULE,
            "Advanced: custom repeat rule",
            true,
            "Only when no choice in \"How often\" fits: paste the repeat rule from"
                + " your calendar app. It replaces \"How often\".",
            plainTextInput(p -> p.actionId(CadenceIds.A_INPUT).maxLength(300))));
    blocks.add(
        actions(
            a ->
                a.blockId(CadenceIds.B_PREVIEW_ACTIONS)
                    .elements(
                        List.of(
                            button(
                                b ->
                                    b.actionId(CadenceIds.A_PREVIEW)
                                        .text(plainText("Preview next 5"))
                                        .value("preview"))))));
    blocks.add(
        section(
            s ->
                s.blockId(CadenceIds.B_PREVIEW)
                    .text(markdownText(SlackText.cut(previewText, 2900)))));
    return View.builder()
        .type("modal")
        .callbackId(CadenceIds.NEW_CALLBACK)
        .title(ViewTitle.builder().type("plain_text").text("New cadence").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Create").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(blocks)
        .build();
  }

  public static final String PREVIEW_HINT =
      "_Press *Preview next 5* to check the schedule before you create it._";

  /** The preview section's text for a valid draft. */
  public static String preview(CadenceDraft draft, List<Instant> next) {
    StringBuilder text =
        new StringBuilder("*")
            .append(schedule(draft.rrule(), draft.start().toLocalTime(), draft.zone()))
            .append("* — next ")
            .append(next.size())
            .append(" occurrences:\n");
    for (Instant at : next) {
      text.append("• ").append(when(at, draft.zone())).append('\n');
    }
    if (next.isEmpty()) {
      text.append("_No future occurrences: check the start date and how often._");
    }
    return text.toString();
  }

  /** The preview section's text when the form is not valid yet. */
  public static String previewProblems(java.util.Map<String, String> errors) {
    StringBuilder text = new StringBuilder("*Can't preview yet:*\n");
    errors.values().forEach(e -> text.append("• ").append(SlackText.escape(e)).append('\n'));
    return text.toString();
  }

  // ---------------------------------------------------------------- posts

  /** A lead-time reminder with the checklist, one button per task. */
  public static Message reminder(
      Occurrence occ, int leadMinutes, Instant lateDue, Instant now, SignedMetadata signer) {
    Cadence c = occ.cadence();
    String title =
        "⏰ " + SlackText.escapeAndCut(c.name, 80) + " in " + LeadTimes.human(leadMinutes);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(SlackText.cut(title, 150)))));
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "*When:* "
                            + when(occ.at(), c.zone())
                            + " · "
                            + SlackText.escape(repeat(c.rrule))))));
    addMessage(blocks, c);
    addChecklist(blocks, occ, now, signer);
    addLateNote(blocks, lateDue, c.zone());
    return new Message(SlackText.cut(title + " — " + plainWhen(occ.at(), c.zone()), 3000), blocks);
  }

  /** The post at the occurrence itself. */
  public static Message occurrencePost(
      Occurrence occ, Instant lateDue, Instant now, SignedMetadata signer) {
    Cadence c = occ.cadence();
    String title = "📅 " + SlackText.escapeAndCut(c.name, 80) + " — now";
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(SlackText.cut(title, 150)))));
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "*"
                            + SlackText.escapeAndCut(c.name, 80)
                            + "* starts now: "
                            + when(occ.at(), c.zone())))));
    addMessage(blocks, c);
    addChecklist(blocks, occ, now, signer);
    addLateNote(blocks, lateDue, c.zone());
    return new Message(
        SlackText.cut(
            SlackText.escapeAndCut(c.name, 80)
                + " starts now ("
                + plainWhen(occ.at(), c.zone())
                + ")",
            3000),
        blocks);
  }

  /** The DM to the owner when a prep task is past due. */
  public static Message lateTask(Occurrence occ, Occurrence.TaskState task) {
    Cadence c = occ.cadence();
    String text =
        "⚠️ Prep for *"
            + SlackText.escapeAndCut(c.name, 80)
            + "* ("
            + when(occ.at(), c.zone())
            + ") is late: *"
            + SlackText.escapeAndCut(task.task().title, 150)
            + "* ("
            + SlackText.mention(task.task().driId)
            + ") was due "
            + when(task.dueAt(), c.zone())
            + " and is not ticked yet.";
    return new Message(
        SlackText.cut(
            "Prep task late for "
                + SlackText.escapeAndCut(c.name, 80)
                + ": "
                + SlackText.escapeAndCut(task.task().title, 150),
            3000),
        List.of(section(s -> s.text(markdownText(text)))));
  }

  private static void addMessage(List<LayoutBlock> blocks, Cadence c) {
    if (c.message != null && !c.message.isBlank()) {
      blocks.add(section(s -> s.text(markdownText(SlackText.escapeAndCut(c.message, 2900)))));
    }
  }

  private static void addLateNote(List<LayoutBlock> blocks, Instant lateDue, ZoneId zone) {
    if (lateDue != null) {
      blocks.add(
          context(
              cx ->
                  cx.elements(
                      List.of(
                          markdownText(
                              "_Posted late: cos-bot was offline when this was due ("
                                  + when(lateDue, zone)
                                  + ")._")))));
    }
  }

  /** The checklist with one Mark done / Undo button per task (signed values). */
  private static void addChecklist(
      List<LayoutBlock> blocks, Occurrence occ, Instant now, SignedMetadata signer) {
    if (occ.tasks().isEmpty()) {
      return;
    }
    ZoneId zone = occ.cadence().zone();
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "*Prep checklist* — "
                            + occ.readyCount()
                            + "/"
                            + occ.tasks().size()
                            + " ready"))));
    for (Occurrence.TaskState t : occ.tasks()) {
      String line =
          (t.done()
                  ? "✅ ~" + SlackText.escapeAndCut(t.task().title, 150) + "~"
                  : (t.lateAt(now) ? "⚠️ " : "⬜ ")
                      + "*"
                      + SlackText.escapeAndCut(t.task().title, 150)
                      + "*")
              + " — "
              + SlackText.mention(t.task().driId)
              + " · due "
              + when(t.dueAt(), zone)
              + (t.done()
                  ? " · done by " + SlackText.mention(t.doneBy())
                  : (t.lateAt(now) ? " · *late*" : ""));
      String value = signer.sign(CadenceKeys.taskValue(occ.cadence().id, occ.epoch(), t.task().id));
      blocks.add(
          section(
              s ->
                  s.blockId("cadence_task_" + t.task().id)
                      .text(markdownText(line))
                      .accessory(
                          button(
                              b ->
                                  b.actionId(CadenceIds.A_TOGGLE_TASK)
                                      .value(value)
                                      .text(plainText(t.done() ? "Undo" : "Mark done"))))));
    }
  }

  /** The DM confirming a new cadence, with its next occurrences. */
  public static Message created(Cadence c, List<Instant> next) {
    StringBuilder text =
        new StringBuilder(":white_check_mark: Created *")
            .append(SlackText.escapeAndCut(c.name, 80))
            .append("*: ")
            .append(SlackText.escape(schedule(c)))
            .append(". Reminders ")
            .append(leads(c.leads()))
            .append(". Next:\n");
    for (Instant at : next) {
      text.append("• ").append(when(at, c.zone())).append('\n');
    }
    text.append("Pause it any time with `/cos cadence pause ")
        .append(SlackText.escapeAndCut(c.name, 80))
        .append("`.");
    return new Message(
        "Cadence " + SlackText.escapeAndCut(c.name, 80) + " created",
        List.of(section(s -> s.text(markdownText(SlackText.cut(text.toString(), 2900))))));
  }

  // ---------------------------------------------------------------- field errors of the modal

  static final String NAME_MISSING = "Give the cadence a name.";
  static final String NAME_TOO_LONG = "At most 80 characters.";
  static final String START_MISSING = "Pick the date of the first occurrence.";
  static final String TIME_MISSING = "Pick a time of day.";
  static final String ZONE_MISSING = "Choose a time zone.";
  static final String KIND_MISSING = "Choose how often it happens.";
  static final String KIND_OR_CUSTOM_MISSING =
      "Choose how often it happens (or enter a custom rule in the advanced field below).";
  static final String CUSTOM_RULE_TOO_OFTEN =
      "That rule repeats more than once a day; a meeting rhythm can happen at most once a day."
          + " Pick how often it happens above, or use a daily or weekly rule.";
  static final String CUSTOM_RULE_UNREADABLE =
      "I can't read that custom rule. Clear this field and pick how often it happens above,"
          + " or copy the rule again from your calendar app.";
  static final String NO_AUDIENCE = "Choose a channel, people, or both.";
  static final String MESSAGE_TOO_LONG = "At most 2,000 characters.";
  static final String TOO_MANY_REMINDERS = "At most 6 reminders.";

  static String tooManyPeople(int max) {
    return "At most " + max + " people; use a channel for more.";
  }

  static String tooManyTasks(int max) {
    return "At most " + max + " prep tasks.";
  }

  static String taskLine(int lineNo, String problem) {
    return "Line " + lineNo + ": " + problem;
  }

  static String taskLineUnreadable(int lineNo) {
    return taskLine(lineNo, "write `task | @person | 3d`.");
  }

  static String taskTitleProblem(int lineNo) {
    return taskLine(lineNo, "the task needs a title of at most 150 characters.");
  }

  static String unknownTaskPerson(int lineNo, String who) {
    return taskLine(lineNo, "I don't know who \"" + who + "\" is; use their @display name.");
  }

  // ---------------------------------------------------------------- answers to people

  static final String ONLY_ADMINS_CREATE = "Only a Chief of Staff can create cadences.";
  static final String TASK_GONE =
      "I can't find that prep task any more: the cadence was changed or removed.";
  static final String SKIP_USAGE =
      "Usage: `/cos cadence skip <name> <YYYY-MM-DD>`, e.g. `/cos cadence skip \"Weekly staff\" 2026-12-24`.";
  static final String SKIP_DATE = "Give the date as YYYY-MM-DD, e.g. 2026-12-24.";

  static String nameTaken(String name) {
    return "A cadence called \"" + SlackText.escapeAndCut(name, 80) + "\" already exists.";
  }

  /** What the clicker of a checklist button is told (null: the updated reminder says it all). */
  static String toggleAnswer(CadenceService.Toggle toggle) {
    return switch (toggle.outcome()) {
      case GONE -> TASK_GONE;
      case NOT_THE_DRI ->
          "Thanks for helping! Only "
              + SlackText.mention(toggle.task().driId)
              + " can tick *"
              + SlackText.escapeAndCut(toggle.task().title, 150)
              + "*: it is their task. Nudge them in a thread?";
      case DONE, UNDONE -> null;
    };
  }

  /** A refusal of the cadence service, in words. */
  static String refusal(CadenceRefusal r) {
    return switch (r.reason()) {
      case NO_NAME -> "Which cadence? Type `/cos cadence list` to see their names.";
      case UNKNOWN ->
          "I don't know a cadence called \""
              + SlackText.escapeAndCut(r.name(), 80)
              + "\". Type `/cos cadence list` to see them.";
      case NOT_OWNER ->
          "Sorry, only the cadence's owner ("
              + SlackText.mention(r.detail())
              + ") or a Chief of Staff can change it.";
      case NOT_ON_THAT_DAY ->
          "*"
              + SlackText.escapeAndCut(r.name(), 80)
              + "* does not happen on "
              + day(LocalDate.parse(r.detail()))
              + ". `/cos cadence next` shows its next dates.";
    };
  }

  static String paused(CadenceService.Paused p) {
    String name = SlackText.escapeAndCut(p.name(), 80);
    if (!p.changed()) {
      return "*" + name + "* is already " + (p.paused() ? "paused" : "running") + ".";
    }
    return p.paused()
        ? "Paused *" + name + "*: no reminders until `/cos cadence resume " + name + "`."
        : "Resumed *" + name + "*.";
  }

  static String removed(String name) {
    return "Removed *" + SlackText.escapeAndCut(name, 80) + "* and its checklist.";
  }

  static String skipped(String name, LocalDate date) {
    return "Skipping *"
        + SlackText.escapeAndCut(name, 80)
        + "* on "
        + day(date)
        + ": no reminders or post for that occurrence.";
  }

  // ---------------------------------------------------------------- command answers (mrkdwn text)

  public static String list(List<CadenceService.Listed> cadences) {
    if (cadences.isEmpty()) {
      return "No cadences yet. A Chief of Staff can create one with `/cos cadence new`.";
    }
    StringBuilder text = new StringBuilder("*Cadences*\n");
    for (CadenceService.Listed listed : cadences) {
      Cadence c = listed.cadence();
      Instant next = listed.next();
      text.append("• *")
          .append(SlackText.escapeAndCut(c.name, 80))
          .append("* — ")
          .append(SlackText.escape(schedule(c)))
          .append(" · owner ")
          .append(SlackText.mention(c.ownerId))
          .append(" · reminders ")
          .append(leads(c.leads()));
      if (c.paused) {
        text.append(" · _paused_");
      } else if (next != null) {
        text.append(" · next ").append(when(next, c.zone()));
      }
      text.append('\n');
    }
    return SlackText.cut(text.toString(), 3900);
  }

  /** Upcoming occurrences with what is not ready yet (what a Chief of Staff needs to chase). */
  public static String next(List<Occurrence> occurrences, Instant now) {
    if (occurrences.isEmpty()) {
      return "Nothing coming up: no running cadences.";
    }
    StringBuilder text = new StringBuilder("*Coming up*\n");
    for (Occurrence o : occurrences) {
      Cadence c = o.cadence();
      text.append("• ")
          .append(when(o.at(), c.zone()))
          .append(" — *")
          .append(SlackText.escapeAndCut(c.name, 80))
          .append('*');
      if (!o.tasks().isEmpty()) {
        text.append(" — prep ")
            .append(o.readyCount())
            .append('/')
            .append(o.tasks().size())
            .append(" ready");
        List<Occurrence.TaskState> open = o.notReady();
        if (!open.isEmpty()) {
          text.append("; not ready: ");
          List<String> parts = new ArrayList<>();
          for (Occurrence.TaskState t : open) {
            parts.add(
                SlackText.escapeAndCut(t.task().title, 60)
                    + " ("
                    + SlackText.mention(t.task().driId)
                    + (t.lateAt(now) ? ", *late*" : ", due " + when(t.dueAt(), c.zone()))
                    + ")");
          }
          text.append(String.join(", ", parts));
        }
      }
      text.append('\n');
    }
    return SlackText.cut(text.toString(), 3900);
  }
}
