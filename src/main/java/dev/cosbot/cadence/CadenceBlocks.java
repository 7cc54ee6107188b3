package dev.cosbot.cadence;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
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
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.SlackText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Block Kit for cadences: the new-cadence modal, reminders with their checklist, and command
 * answers. Pure functions.
 */
public final class CadenceBlocks {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

  private CadenceBlocks() {}

  /** A message: fallback text plus blocks. */
  public record Message(String text, List<LayoutBlock> blocks) {}

  // ---------------------------------------------------------------- formatting

  /** "Tue 1 Dec 2026, 09:00 Europe/Berlin". */
  public static String when(Instant at, ZoneId zone) {
    return WHEN.format(at.atZone(zone)) + " " + zone.getId();
  }

  public static String shortWhen(Instant at, ZoneId zone) {
    return SHORT.format(at.atZone(zone));
  }

  public static String day(LocalDate date) {
    return DAY.format(date);
  }

  /** Slack renders this in each reader's own time zone. */
  static String readerTime(Instant at, ZoneId zone) {
    return "<!date^"
        + at.getEpochSecond()
        + "^{date_short_pretty} at {time}|"
        + when(at, zone)
        + ">";
  }

  // ---------------------------------------------------------------- the modal

  public static View newCadenceModal(String ownerId, String defaultZone, String previewText) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        input(
            i ->
                i.blockId(CadenceIds.B_NAME)
                    .label(plainText("Name"))
                    .element(
                        plainTextInput(
                            p ->
                                p.actionId(CadenceIds.A_INPUT)
                                    .maxLength(80)
                                    .placeholder(plainText("Weekly staff meeting"))))));
    blocks.add(
        input(
            i ->
                i.blockId(CadenceIds.B_OWNER)
                    .label(plainText("Owner"))
                    .optional(true)
                    .hint(plainText("Warned when prep tasks are late. Defaults to you."))
                    .element(
                        usersSelect(u -> u.actionId(CadenceIds.A_INPUT).initialUser(ownerId)))));
    List<OptionObject> kinds = new ArrayList<>();
    for (CadenceSchedule.Kind k : CadenceSchedule.Kind.values()) {
      kinds.add(option(plainText(k.label), k.name()));
    }
    blocks.add(
        input(
            i ->
                i.blockId(CadenceIds.B_KIND)
                    .label(plainText("How often"))
                    .optional(true)
                    .element(staticSelect(s -> s.actionId(CadenceIds.A_INPUT).options(kinds)))));
    blocks.add(
        input(
            i ->
                i.blockId(CadenceIds.B_START)
                    .label(plainText("First occurrence"))
                    .hint(plainText("Weekday, month and day of the schedule come from this date."))
                    .element(datePicker(d -> d.actionId(CadenceIds.A_INPUT)))));
    blocks.add(
        input(
            i ->
                i.blockId(CadenceIds.B_TIME)
                    .label(plainText("Time"))
                    .element(
                        timePicker(t -> t.actionId(CadenceIds.A_INPUT).initialTime("09:00")))));
    blocks.add(
        input(
            i ->
                i.blockId(CadenceIds.B_ZONE)
                    .label(plainText("Time zone"))
                    .element(
                        plainTextInput(
                            p ->
                                p.actionId(CadenceIds.A_INPUT)
                                    .maxLength(64)
                                    .initialValue(defaultZone)))));
    blocks.add(
        input(
            i ->
                i.blockId(CadenceIds.B_RRULE)
                    .label(plainText("Custom RRULE (advanced)"))
                    .optional(true)
                    .hint(
                        plainText(
                            "RFC 5545, e.g. FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1. Overrides \"How often\"."))
                    .element(plainTextInput(p -> p.actionId(CadenceIds.A_INPUT).maxLength(300)))));
    blocks.add(
        input(
            i ->
                i.blockId(CadenceIds.B_CHANNEL)
                    .label(plainText("Post in channel"))
                    .optional(true)
                    .element(conversationsSelect(c -> c.actionId(CadenceIds.A_INPUT)))));
    blocks.add(
        input(
            i ->
                i.blockId(CadenceIds.B_PEOPLE)
                    .label(plainText("…and/or remind people"))
                    .optional(true)
                    .element(
                        multiUsersSelect(
                            u ->
                                u.actionId(CadenceIds.A_INPUT)
                                    .maxSelectedItems(CadenceForm.MAX_PEOPLE)))));
    blocks.add(
        input(
            i ->
                i.blockId(CadenceIds.B_MESSAGE)
                    .label(plainText("Message"))
                    .optional(true)
                    .element(
                        plainTextInput(
                            p -> p.actionId(CadenceIds.A_INPUT).multiline(true).maxLength(2000)))));
    blocks.add(
        input(
            i ->
                i.blockId(CadenceIds.B_LEADS)
                    .label(plainText("Remind before"))
                    .optional(true)
                    .hint(plainText("e.g. 14d, 3d, 1d, 1h (w, d, h, m)"))
                    .element(
                        plainTextInput(
                            p ->
                                p.actionId(CadenceIds.A_INPUT)
                                    .maxLength(100)
                                    .initialValue("1d")))));
    blocks.add(
        input(
            i ->
                i.blockId(CadenceIds.B_CHECKLIST)
                    .label(plainText("Prep checklist"))
                    .optional(true)
                    .hint(
                        plainText(
                            "One task per line: task | @person | due before, e.g. Deck draft | @ana | 3d"))
                    .element(
                        plainTextInput(
                            p -> p.actionId(CadenceIds.A_INPUT).multiline(true).maxLength(3000)))));
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
        new StringBuilder("*Next ")
            .append(next.size())
            .append(" occurrences* (`")
            .append(SlackText.escape(draft.rrule()))
            .append("`)\n");
    for (Instant at : next) {
      text.append("• ").append(when(at, draft.zone())).append('\n');
    }
    if (next.isEmpty()) {
      text.append("_No future occurrences: check the start date and rule._");
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
                            + readerTime(occ.at(), c.zone())
                            + " ("
                            + when(occ.at(), c.zone())
                            + ")"))));
    addMessage(blocks, c);
    addChecklist(blocks, occ, now, signer);
    addLateNote(blocks, lateDue, c.zone());
    return new Message(SlackText.cut(title + " — " + when(occ.at(), c.zone()), 3000), blocks);
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
                            + readerTime(occ.at(), c.zone())))));
    addMessage(blocks, c);
    addChecklist(blocks, occ, now, signer);
    addLateNote(blocks, lateDue, c.zone());
    return new Message(
        SlackText.cut(
            SlackText.escapeAndCut(c.name, 80) + " starts now (" + when(occ.at(), c.zone()) + ")",
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
            + shortWhen(task.dueAt(), c.zone())
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
                                  + shortWhen(lateDue, zone)
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
              + shortWhen(t.dueAt(), zone)
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
        new StringBuilder("Created *")
            .append(SlackText.escapeAndCut(c.name, 80))
            .append("* (")
            .append(SlackText.escape(c.rrule))
            .append(", ")
            .append(c.timeZone)
            .append("). Reminders: ")
            .append(LeadTimes.describe(c.leads()))
            .append(". Next:\n");
    for (Instant at : next) {
      text.append("• ").append(when(at, c.zone())).append('\n');
    }
    return new Message(
        "Cadence " + SlackText.escapeAndCut(c.name, 80) + " created",
        List.of(section(s -> s.text(markdownText(SlackText.cut(text.toString(), 2900))))));
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
          .append(SlackText.escape(c.rrule))
          .append(" at ")
          .append(c.startsLocal.toLocalTime())
          .append(' ')
          .append(c.timeZone)
          .append(" · owner ")
          .append(SlackText.mention(c.ownerId))
          .append(" · reminders ")
          .append(LeadTimes.describe(c.leads()));
      if (c.paused) {
        text.append(" · _paused_");
      } else if (next != null) {
        text.append(" · next ").append(shortWhen(next, c.zone()));
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
          .append(readerTime(o.at(), c.zone()))
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
                    + (t.lateAt(now) ? ", *late*" : ", due " + shortWhen(t.dueAt(), c.zone()))
                    + ")");
          }
          text.append(String.join(", ", parts));
        }
      }
      text.append('\n');
    }
    return SlackText.cut(text.toString(), 3900);
  }

  static String untilText(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    return d.toDays() > 0 ? d.toDays() + "d" : d.toHours() + "h";
  }

  static ZonedDateTime local(Instant at, ZoneId zone) {
    return at.atZone(zone);
  }

  static TextObject md(String text) {
    return markdownText(text);
  }
}
