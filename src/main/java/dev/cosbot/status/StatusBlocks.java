package dev.cosbot.status;

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
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;
import static dev.cosbot.status.StatusIds.*;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.ConversationsFilter;
import com.slack.api.model.block.element.NumberInputElement;
import com.slack.api.model.view.View;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.SlackDates;
import dev.cosbot.platform.support.SlackText;
import dev.cosbot.status.StatusUpdate.Confidence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Block Kit for status updates: the two modals, check-in DMs, reports and lists. Pure functions.
 */
public final class StatusBlocks {
  static final DateTimeFormatter DAY_FMT = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private StatusBlocks() {}

  /** A form's problems as {@code response_action: errors}: block id → words. */
  public static Map<String, String> fieldErrors(Map<StatusField, FieldProblem> problems) {
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    problems.forEach((f, p) -> errors.put(StatusIds.block(f), StatusMessages.problem(f, p)));
    return errors;
  }

  /** A refusal shown in a form: next to its field, or next to {@code fallback}. */
  public static Map<String, String> fieldError(StatusRefusal r, StatusField fallback) {
    return Map.of(
        StatusIds.block(r.field() == null ? fallback : r.field()), StatusMessages.refusal(r));
  }

  // ---- Modals ----------------------------------------------------------------------------------

  /**
   * The team of an initiative: chosen from the teams that exist, or typed as a new one; a text box
   * alone while there are no teams yet.
   */
  private static void addTeamInputs(List<LayoutBlock> blocks, List<String> teams, String current) {
    if (teams.isEmpty()) {
      blocks.add(
          input(
              i ->
                  i.blockId(NEW_TEAM)
                      .label(plainText("Team"))
                      .element(
                          plainTextInput(
                              p ->
                                  p.actionId(VALUE)
                                      .maxLength(StatusForms.TEAM_MAX)
                                      .initialValue(current)))));
      return;
    }
    List<OptionObject> options =
        teams.stream().limit(100).map(t -> option(plainText(SlackText.cut(t, 75)), t)).toList();
    OptionObject initial =
        options.stream().filter(o -> o.getValue().equals(current)).findFirst().orElse(null);
    blocks.add(
        input(
            i ->
                i.blockId(TEAM)
                    .label(plainText("Team"))
                    .optional(true)
                    .element(
                        staticSelect(
                            s -> s.actionId(VALUE).options(options).initialOption(initial)))));
    blocks.add(
        input(
            i ->
                i.blockId(NEW_TEAM)
                    .label(plainText("Or a new team"))
                    .optional(true)
                    .hint(plainText("Leave empty when you chose a team above."))
                    .element(
                        plainTextInput(p -> p.actionId(VALUE).maxLength(StatusForms.TEAM_MAX)))));
  }

  public static View initiativeModal(
      Initiative existing, String defaultOwner, String metadata, List<String> teams) {
    boolean edit = existing != null;
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(text(NAME, "Name", null, false, StatusForms.NAME_MAX, edit ? existing.name : null));
    blocks.add(
        text(
            DESCRIPTION,
            "Description",
            null,
            true,
            StatusForms.DESCRIPTION_MAX,
            edit ? existing.description : null));
    blocks.add(
        person(
            OWNER,
            "Owner",
            "Gets the check-ins, in their own time zone.",
            false,
            edit ? existing.ownerId : defaultOwner));
    addTeamInputs(blocks, teams, edit ? existing.team : null);
    blocks.add(person(DRI, "DRI", null, true, edit ? existing.driId : null));
    blocks.add(person(SPONSOR, "Sponsor", null, true, edit ? existing.sponsorId : null));
    String target = edit && existing.targetDate != null ? existing.targetDate.toString() : null;
    blocks.add(
        input(
            i ->
                i.blockId(TARGET)
                    .label(plainText("Target date"))
                    .optional(true)
                    .element(datePicker(d -> d.actionId(VALUE).initialDate(target)))));
    blocks.add(
        input(
            i ->
                i.blockId(TAGS)
                    .label(plainText("Tags"))
                    .optional(true)
                    .hint(plainText("Comma-separated, e.g. q3, hiring"))
                    .element(
                        plainTextInput(
                            p ->
                                p.actionId(VALUE)
                                    .maxLength(StatusForms.TAGS_MAX)
                                    .initialValue(edit ? existing.tags : null)))));
    blocks.add(
        choice(
            EVERY,
            "Updates due",
            List.of(
                option(plainText("Every week"), "1"),
                option(plainText("Every 2 weeks"), "2"),
                option(plainText("Every 4 weeks"), "4")),
            String.valueOf(edit ? existing.everyWeeks : 1)));
    List<OptionObject> days = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      days.add(option(plainText(SlackDates.dayName(d)), String.valueOf(d.getValue())));
    }
    blocks.add(
        choice(
            DAY,
            "On",
            days,
            String.valueOf(edit ? existing.cadenceDay : DayOfWeek.FRIDAY.getValue())));
    blocks.add(
        input(
            i ->
                i.blockId(TIME)
                    .label(plainText("At (owner's local time)"))
                    .element(
                        timePicker(
                            t ->
                                t.actionId(VALUE)
                                    .initialTime(edit ? existing.cadenceTime : "10:00")))));
    blocks.add(
        channelPicker(
            CHANNEL,
            "Channel",
            "Optional: each update is posted here too, and the weekly report. Invite me to a"
                + " private channel first.",
            true,
            edit ? existing.reportChannel : null));
    if (edit) {
      blocks.add(
          choice(
              STATE,
              "State",
              List.of(
                  option(plainText("Active"), "ACTIVE"),
                  option(plainText("Paused"), "PAUSED"),
                  option(plainText("Done"), "DONE")),
              existing.state.name()));
    }
    return modal(
        INITIATIVE_MODAL, edit ? "Edit initiative" : "New initiative", "Save", metadata, blocks);
  }

  public static View updateModal(Initiative initiative, StatusUpdate last, String metadata) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "*"
                            + SlackText.escapeAndCut(initiative.name, 200)
                            + "* · "
                            + SlackText.escapeAndCut(initiative.team, 80)
                            + "\n"
                            + lastStatusLine(last)))));
    blocks.add(
        choice(
            RAG,
            "Status",
            java.util.Arrays.stream(Rag.values())
                .map(r -> option(plainText(r.emoji() + " " + r.label()), r.name()))
                .toList(),
            last == null ? null : last.rag.name()));
    blocks.add(text(SUMMARY, "Summary", null, false, StatusForms.SUMMARY_MAX, null));
    blocks.add(
        text(PROGRESS, "Progress since last time", null, true, StatusForms.PROGRESS_MAX, null));
    blocks.add(
        text(
            RISKS,
            "Risks",
            "Required when at risk or off track.",
            true,
            StatusForms.RISKS_MAX,
            null));
    blocks.add(text(ASKS, "Asks", null, true, StatusForms.ASKS_MAX, null));
    blocks.add(
        person(
            ASK_TO,
            "Ask addressed to",
            "e.g. the CXO; they get a direct message with your ask.",
            true,
            null));
    blocks.add(
        choice(
            CONFIDENCE,
            "Confidence",
            List.of(
                option(plainText("High"), "HIGH"),
                option(plainText("Medium"), "MEDIUM"),
                option(plainText("Low"), "LOW")),
            last == null ? null : last.confidence.name()));
    blocks.add(
        input(
            i ->
                i.blockId(PERCENT)
                    .label(plainText("% complete"))
                    .optional(true)
                    .hint(plainText("A whole number from 0 to 100."))
                    .element(
                        NumberInputElement.builder()
                            .actionId(VALUE)
                            .decimalAllowed(false)
                            .minValue("0")
                            .maxValue("100")
                            .initialValue(
                                last == null || last.percent == null
                                    ? null
                                    : String.valueOf(last.percent))
                            .build())));
    return modal(UPDATE_MODAL, "Status update", "Post update", metadata, blocks);
  }

  // ---- Form parts: one builder per kind of input ------------------------------------------------

  private static View modal(
      String callbackId, String title, String submit, String metadata, List<LayoutBlock> blocks) {
    return view(
        v ->
            v.type("modal")
                .callbackId(callbackId)
                .privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text(title)))
                .submit(viewSubmit(s -> s.type("plain_text").text(submit)))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
  }

  /** A multi-line text box (one line for the name). */
  private static LayoutBlock text(
      String block, String label, String hint, boolean optional, int max, String initial) {
    return input(
        i ->
            i.blockId(block)
                .label(plainText(label))
                .optional(optional)
                .hint(hint == null ? null : plainText(hint))
                .element(
                    plainTextInput(
                        p ->
                            p.actionId(VALUE)
                                .multiline(!NAME.equals(block))
                                .maxLength(max)
                                .initialValue(initial))));
  }

  private static LayoutBlock person(
      String block, String label, String hint, boolean optional, String initial) {
    return input(
        i ->
            i.blockId(block)
                .label(plainText(label))
                .optional(optional)
                .hint(hint == null ? null : plainText(hint))
                .element(usersSelect(u -> u.actionId(VALUE).initialUser(initial))));
  }

  /** A static select with {@code initial} (an option's value, or null) chosen. */
  private static LayoutBlock choice(
      String block, String label, List<OptionObject> options, String initial) {
    OptionObject chosen =
        options.stream().filter(o -> o.getValue().equals(initial)).findFirst().orElse(null);
    return input(
        i ->
            i.blockId(block)
                .label(plainText(label))
                .element(
                    staticSelect(s -> s.actionId(VALUE).options(options).initialOption(chosen))));
  }

  /** A channel picker: public and private channels the person is in, no DMs with bots. */
  private static LayoutBlock channelPicker(
      String block, String label, String hint, boolean optional, String initial) {
    return input(
        i ->
            i.blockId(block)
                .label(plainText(label))
                .optional(optional)
                .hint(plainText(hint))
                .element(
                    conversationsSelect(
                        c ->
                            c.actionId(VALUE)
                                .filter(
                                    ConversationsFilter.builder()
                                        .include(List.of("public", "private"))
                                        .excludeBotUsers(true)
                                        .excludeExternalSharedChannels(true)
                                        .build())
                                .initialConversation(initial))));
  }

  /** The Chief of Staff's choice of the zone reports use. */
  public static View reportZoneModal(ZoneId current, Instant now) {
    List<OptionObject> zones = new ArrayList<>();
    OptionObject initial = null;
    for (ZoneId z : SlackDates.menuZones(current.getId(), now)) {
      OptionObject o = option(plainText(SlackDates.zoneLabel(z, now)), z.getId());
      zones.add(o);
      if (z.getId().equals(current.getId())) {
        initial = o;
      }
    }
    OptionObject chosen = initial;
    List<LayoutBlock> blocks =
        List.of(
            section(
                s ->
                    s.text(
                        markdownText(
                            "Reports posted to channels give dates in this zone and name it. The"
                                + " weekly report goes out in the afternoon of its day, in this"
                                + " zone."))),
            input(
                i ->
                    i.blockId(REPORT_ZONE)
                        .label(plainText("Time zone for reports"))
                        .element(
                            staticSelect(
                                s -> s.actionId(VALUE).options(zones).initialOption(chosen)))));
    return view(
        v ->
            v.type("modal")
                .callbackId(REPORT_ZONE_MODAL)
                .title(viewTitle(t -> t.type("plain_text").text("Report time zone")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
  }

  /** The confirmation of a new report zone. */
  public static String reportZoneChosen(ZoneId zone, String day, String time) {
    return ":white_check_mark: Reports now use "
        + SlackDates.zoneName(zone)
        + " time. The weekly report goes to each report channel on "
        + day.charAt(0)
        + day.substring(1).toLowerCase(Locale.ROOT)
        + "s at "
        + SlackDates.clock(java.time.LocalTime.parse(time))
        + " ("
        + SlackDates.zoneName(zone)
        + ").";
  }

  // ---- Check-in messages -----------------------------------------------------------------------

  /**
   * "every Friday at 10:00 AM", "every 2 weeks on Monday at 9:30 AM": the owner's local time, so
   * callers always follow it with the zone it is in.
   */
  static String rhythm(Cadence c) {
    String day = SlackDates.dayName(c.day());
    return (c.everyWeeks() == 1 ? "every " + day : "every " + c.everyWeeks() + " weeks on " + day)
        + " at "
        + SlackDates.clock(c.time());
  }

  /** "every Friday at 10:00 AM (New York time)": the rhythm with the owner's zone named. */
  public static String rhythm(Cadence c, ZoneId ownerZone) {
    return rhythm(c) + " (" + SlackDates.zoneName(ownerZone) + " time)";
  }

  /** The DM to a person made owner of an initiative by someone else. */
  public static String ownerAssigned(Initiative i, String by, Instant firstDue, ZoneId ownerZone) {
    return SlackText.mention(by)
        + " made you the owner of *"
        + SlackText.escapeAndCut(i.name, 200)
        + "* ("
        + SlackText.escapeAndCut(i.team, 80)
        + "). I'll ask you for an update "
        + rhythm(i.cadence(), ownerZone)
        + ", your time; the first on "
        + SlackDates.token(firstDue, ownerZone)
        + ".";
  }

  /** The confirmation to the person who saved an initiative. */
  public static String saved(Initiative i, Instant nextDue, ZoneId ownerZone) {
    return ":white_check_mark: Saved *"
        + SlackText.escapeAndCut(i.name, 200)
        + "* ("
        + SlackText.escapeAndCut(i.team, 80)
        + "): updates due "
        + rhythm(i.cadence(), ownerZone)
        + ", the owner's time"
        + (i.state == Initiative.State.ACTIVE
            ? "; the next on " + SlackDates.token(nextDue, ownerZone) + "."
            : i.state == Initiative.State.PAUSED ? " (paused)." : " (done).");
  }

  /** The title of the weekly report to a channel. */
  public static final String WEEKLY_TITLE = "Weekly status report";

  /** The notification text of {@link #nudge}. */
  public static String nudgeText(Initiative i) {
    return "Reminder: your update on " + i.name;
  }

  public static String promptText(Initiative i) {
    return "Time for your status update on " + i.name;
  }

  public static List<LayoutBlock> prompt(
      Initiative i, StatusUpdate last, Instant due, ZoneId zone, SignedMetadata signer) {
    String text =
        ":wave: Time for your update on *"
            + SlackText.escapeAndCut(i.name, 200)
            + "*: due "
            + SlackDates.token(due, zone)
            + ", then "
            + rhythm(i.cadence(), zone)
            + ".\n"
            + lastStatusLine(last);
    return List.of(section(s -> s.text(markdownText(text))), postButton(i, signer));
  }

  /**
   * A prompt or nudge once the period's update is in: the same words, the button replaced by
   * "Updated ✓" (no stale button).
   */
  public static List<LayoutBlock> answered(Initiative i, StatusUpdate u) {
    return List.of(
        section(
            s ->
                s.text(
                    markdownText(
                        ":white_check_mark: *Updated ✓* — your update on *"
                            + SlackText.escapeAndCut(i.name, 200)
                            + "* is in: "
                            + u.rag.emoji()
                            + " "
                            + u.rag.label()
                            + ". To change it, type `/cos status "
                            + SlackText.escapeAndCut(i.name, 80)
                            + "`."))));
  }

  /** The notification text of {@link #answered}. */
  public static String answeredText(Initiative i) {
    return "Updated ✓ " + i.name;
  }

  /** An update as posted in the initiative's channel. */
  public static List<LayoutBlock> sharedUpdate(Initiative i, StatusUpdate u) {
    String text =
        u.rag.emoji()
            + " *"
            + SlackText.escapeAndCut(i.name, 200)
            + "* · "
            + SlackText.escapeAndCut(i.team, 80)
            + " — "
            + u.rag.label()
            + (u.percent == null ? "" : " · " + u.percent + "% complete")
            + (u.version > 1 ? " · _updated_" : "")
            + "\n"
            + SlackText.escapeAndCut(u.summary, 500)
            + (u.risks == null ? "" : "\n*Risks:* " + SlackText.escapeAndCut(u.risks, 600))
            + (u.asks == null ? "" : "\n*Asks:* " + SlackText.escapeAndCut(u.asks, 600));
    return List.of(
        section(s -> s.text(markdownText(text))),
        context(
            c ->
                c.elements(
                    List.of(
                        markdownText(
                            "Posted by "
                                + SlackText.mention(u.authorId)
                                + " with `/cos status`.")))));
  }

  /** The notification text of {@link #sharedUpdate}. */
  public static String sharedUpdateText(Initiative i, StatusUpdate u) {
    return "Status of " + i.name + ": " + u.rag.label();
  }

  public static List<LayoutBlock> nudge(Initiative i, StatusUpdate last, SignedMetadata signer) {
    String text =
        ":hourglass_flowing_sand: Reminder: the update on *"
            + SlackText.escapeAndCut(i.name, 200)
            + "* hasn't arrived yet. It takes a minute.\n"
            + lastStatusLine(last);
    return List.of(section(s -> s.text(markdownText(text))), postButton(i, signer));
  }

  public static String staleText(Initiative i, int missed) {
    return ":warning: *"
        + SlackText.escapeAndCut(i.name, 200)
        + "* ("
        + SlackText.escapeAndCut(i.team, 80)
        + ", owner "
        + SlackText.mention(i.ownerId)
        + ") is *stale*: "
        + missed
        + " updates missed in a row.";
  }

  public static String thanksText(Initiative i, StatusUpdate u) {
    return "Thanks! Your update on *"
        + SlackText.escapeAndCut(i.name, 200)
        + "* is recorded ("
        + u.rag.emoji()
        + " "
        + u.rag.label()
        + (u.version > 1 ? ", version " + u.version : "")
        + ").";
  }

  public static String askText(Initiative i, StatusUpdate u) {
    return ":raising_hand: "
        + SlackText.mention(u.authorId)
        + " has an ask for you on *"
        + SlackText.escapeAndCut(i.name, 200)
        + "*:\n>"
        + SlackText.escapeAndCut(u.asks, 1000).replace("\n", "\n>");
  }

  /** The ask's direct message: the ask and a "Reply…" button (value: the signed ask). */
  public static List<LayoutBlock> ask(Initiative i, StatusUpdate u, SignedMetadata signer) {
    return List.of(
        section(s -> s.text(markdownText(askText(i, u)))),
        actions(
            a ->
                a.blockId("status_ask_" + u.id)
                    .elements(
                        List.of(
                            button(
                                b ->
                                    b.actionId(ASK_REPLY_ACTION)
                                        .text(plainText("Reply…"))
                                        .value(
                                            signer.sign(new AskRef(u.id, u.version).encode())))))));
  }

  /** The same message once the reply is sent: no button left, the reply shown. */
  public static List<LayoutBlock> askReplied(Initiative i, StatusUpdate u) {
    return List.of(
        section(s -> s.text(markdownText(askText(i, u)))),
        context(
            c ->
                c.elements(
                    List.of(
                        markdownText(
                            ":white_check_mark: You replied "
                                + SlackDates.token(u.askRepliedAt, ZoneOffset.UTC)
                                + ": "
                                + SlackText.escapeAndCut(u.askReply, 300))))));
  }

  /** The reply form: the ask, then a text box. */
  public static View askReplyModal(String metadata, Initiative i, StatusUpdate u) {
    return modal(
        ASK_REPLY_MODAL,
        "Reply to the ask",
        "Send",
        metadata,
        List.of(
            section(s -> s.text(markdownText(askText(i, u)))),
            text(
                ASK_REPLY,
                "Your reply",
                "Sent to them as a direct message from me.",
                false,
                2000,
                null)));
  }

  /** What the person who asked receives. */
  public static String askReplyText(Initiative i, StatusUpdate u) {
    return ":speech_balloon: "
        + SlackText.mention(u.askTo)
        + " replied to your ask on *"
        + SlackText.escapeAndCut(i.name, 200)
        + "*:\n>"
        + SlackText.escapeAndCut(u.askReply, 2000).replace("\n", "\n>")
        + "\n_You asked: "
        + SlackText.escapeAndCut(u.asks, 300).replace("\n", " ")
        + "_";
  }

  private static LayoutBlock postButton(Initiative i, SignedMetadata signer) {
    return actions(
        a ->
            a.blockId("status_prompt_" + i.id)
                .elements(
                    List.of(
                        button(
                            b ->
                                b.actionId(POST_UPDATE_ACTION)
                                    .text(plainText("Post update"))
                                    .style("primary")
                                    .value(signer.signId(i.id))))));
  }

  static String lastStatusLine(StatusUpdate last) {
    if (last == null) {
      return "_No update yet._";
    }
    return "Last status: "
        + last.rag.emoji()
        + " *"
        + last.rag.label()
        + "* — "
        + SlackText.escapeAndCut(last.summary, 300)
        + (last.percent == null ? "" : " (" + last.percent + "% complete)");
  }

  // ---- Lists -----------------------------------------------------------------------------------

  public static String initiativesText(
      List<Initiative> list, String team, java.util.function.Function<String, ZoneId> zoneOf) {
    if (list.isEmpty()) {
      return team == null
          ? "No initiatives yet. Create one with `/cos initiative new`."
          : "No open initiatives in team " + SlackText.escapeAndCut(team, 80) + ".";
    }
    List<String> lines = new ArrayList<>();
    for (Initiative i : list) {
      lines.add(
          (i.currentRag == null ? ":white_circle:" : i.currentRag.emoji())
              + " *"
              + SlackText.escapeAndCut(i.name, 80)
              + "* · "
              + SlackText.escapeAndCut(i.team, 80)
              + " · "
              + SlackText.mention(i.ownerId)
              + " · "
              + rhythm(i.cadence(), zoneOf.apply(i.ownerId))
              + (i.state == Initiative.State.PAUSED ? " · _paused_" : "")
              + (i.staleSince != null ? " · :warning: stale" : ""));
    }
    return "*Initiatives"
        + (team == null ? "" : " in " + SlackText.escapeAndCut(team, 80))
        + "* ("
        + list.size()
        + ")\n"
        + bounded(lines, 2800);
  }

  // ---- Reports ---------------------------------------------------------------------------------

  public static String reportText(Rollup r) {
    Rollup.Counts c = r.counts();
    return "Status report: "
        + c.red()
        + " off track, "
        + c.amber()
        + " at risk, "
        + c.green()
        + " on track, "
        + c.missing()
        + " missing, "
        + c.stale()
        + " stale";
  }

  public static List<LayoutBlock> report(Rollup r, String title, ZoneId zone, int topN) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(SlackText.cut(title, 150)))));
    Rollup.Counts c = r.counts();
    blocks.add(
        context(
            x ->
                x.elements(
                    List.of(
                        markdownText(
                            DAY_FMT.format(r.from().atZone(zone))
                                + " – "
                                + DAY_FMT.format(r.to().atZone(zone))
                                + " ("
                                + SlackDates.zoneName(zone)
                                + " time) · "
                                + counts(c)
                                + (c.noUpdate() > 0
                                    ? " · :white_circle: " + c.noUpdate() + " without update"
                                    : ""))))));
    if (c.initiatives() == 0) {
      blocks.add(section(s -> s.text(markdownText("No open initiatives here."))));
      return blocks;
    }
    // What changed: RAG transitions first, then other updates.
    List<String> changed = new ArrayList<>();
    for (Rollup.Change ch : r.changes()) {
      changed.add(
          (ch.from() == null ? ":new: " : ch.from().emoji() + " → ")
              + ch.to().emoji()
              + " *"
              + SlackText.escapeAndCut(ch.name(), 80)
              + "* ("
              + SlackText.escapeAndCut(ch.team(), 60)
              + ")"
              + (ch.from() == null
                  ? " first update: " + ch.to().label()
                  : " " + ch.from().label() + " → " + ch.to().label()));
    }
    for (Rollup.Line l : r.updated()) {
      changed.add(
          "• *"
              + SlackText.escapeAndCut(l.name(), 80)
              + "* updated: "
              + SlackText.escapeAndCut(l.summary(), 140));
    }
    addSection(blocks, "*What changed*", changed, "_No updates since the last report._", 1500);
    // Portfolio by RAG, then team.
    for (Rollup.RagGroup g : r.groups()) {
      List<String> lines = new ArrayList<>();
      for (Rollup.TeamGroup t : g.teams()) {
        StringBuilder line = new StringBuilder("_" + SlackText.escapeAndCut(t.team(), 60) + "_: ");
        List<String> names =
            t.initiatives().stream()
                .map(
                    l ->
                        SlackText.escapeAndCut(l.name(), 60)
                            + (l.percent() == null ? "" : " " + l.percent() + "%"))
                .toList();
        line.append(String.join(", ", names.subList(0, Math.min(names.size(), 8))));
        if (names.size() > 8) {
          line.append(" and ").append(names.size() - 8).append(" more");
        }
        lines.add(SlackText.cut(line.toString(), 600));
      }
      String heading =
          g.rag() == null
              ? ":white_circle: *No update yet* (" + g.count() + ")"
              : g.rag().emoji() + " *" + g.rag().label() + "* (" + g.count() + ")";
      addSection(blocks, heading, lines, null, 1200);
    }
    List<String> gaps = new ArrayList<>();
    for (Rollup.Gap gap : r.missing()) {
      gaps.add(
          ("AWAY".equals(gap.state()) ? ":palm_tree: away" : ":x: missing")
              + " · *"
              + SlackText.escapeAndCut(gap.name(), 80)
              + "* ("
              + SlackText.mention(gap.ownerId())
              + ", due "
              + DAY_FMT.format(gap.dueAt().atZone(zone))
              + ")");
    }
    for (Rollup.Line l : r.stale()) {
      gaps.add(
          ":warning: stale · *"
              + SlackText.escapeAndCut(l.name(), 80)
              + "* ("
              + SlackText.mention(l.ownerId())
              + ", "
              + l.missedInRow()
              + " missed in a row)");
    }
    addSection(blocks, "*Missing and stale*", gaps, null, 1200);
    List<String> risks = new ArrayList<>();
    for (Rollup.Risk risk : r.topRisks()) {
      risks.add(
          risk.rag().emoji()
              + " *"
              + SlackText.escapeAndCut(risk.name(), 80)
              + "*: "
              + SlackText.escapeAndCut(risk.text(), 150));
    }
    addSection(blocks, "*Top risks*", limit(risks, topN), null, 1300);
    List<String> asks = new ArrayList<>();
    for (Rollup.Ask ask : r.openAsks()) {
      asks.add(
          "• *"
              + SlackText.escapeAndCut(ask.name(), 80)
              + "*"
              + (ask.askTo() == null ? "" : " → " + SlackText.mention(ask.askTo()))
              + ": "
              + SlackText.escapeAndCut(ask.text(), 150));
    }
    addSection(blocks, "*Open asks*", limit(asks, topN), null, 1300);
    return blocks;
  }

  /** "Status report", or "Status report: Payments v2" for one initiative or team. */
  public static String reportTitle(String about) {
    return about == null ? "Status report" : "Status report: " + about;
  }

  /** The report's "Share to a channel" button; {@code value} is the signed scope. */
  public static LayoutBlock shareButton(String value) {
    return actions(
        a ->
            a.blockId("status_report_share")
                .elements(
                    List.of(
                        button(
                            b ->
                                b.actionId(SHARE_REPORT_ACTION)
                                    .text(plainText("Share to a channel"))
                                    .value(value)))));
  }

  /** The channel picker of a report to share; {@code metadata} is the signed scope. */
  public static View shareReportModal(String metadata) {
    return modal(
        SHARE_REPORT_MODAL,
        "Share the report",
        "Post",
        metadata,
        List.of(
            section(
                s ->
                    s.text(
                        markdownText(
                            "Everyone in the channel will see this report. Dates use the"
                                + " workspace's report time zone."))),
            channelPicker(
                SHARE_CHANNEL,
                "Channel",
                "Only channels you're in; invite me to a private one first.",
                false,
                null)));
  }

  /** The line under a shared report: who shared it. */
  public static LayoutBlock sharedBy(String userId) {
    return context(
        c ->
            c.elements(
                List.of(
                    markdownText(
                        "Shared by " + SlackText.mention(userId) + " with `/cos report`."))));
  }

  /** "4 initiatives · 🔴 1 · 🟠 1 · 🟢 2". */
  static String counts(Rollup.Counts c) {
    return initiatives(c.initiatives())
        + " · "
        + Rag.RED.emoji()
        + " "
        + c.red()
        + " · "
        + Rag.AMBER.emoji()
        + " "
        + c.amber()
        + " · "
        + Rag.GREEN.emoji()
        + " "
        + c.green();
  }

  /** "1 initiative", "3 initiatives". */
  static String initiatives(int n) {
    return n + (n == 1 ? " initiative" : " initiatives");
  }

  /** The first {@code n} lines and a final "and N more" line. */
  static List<String> limit(List<String> lines, int n) {
    if (lines.size() <= n) {
      return lines;
    }
    List<String> out = new ArrayList<>(lines.subList(0, n));
    out.add("_…and " + (lines.size() - n) + " more_");
    return out;
  }

  private static void addSection(
      List<LayoutBlock> blocks, String heading, List<String> lines, String empty, int max) {
    if (lines.isEmpty() && empty == null) {
      return;
    }
    String body = lines.isEmpty() ? empty : bounded(lines, max - heading.length() - 1);
    blocks.add(section(s -> s.text(markdownText(heading + "\n" + body))));
  }

  /** Joins lines up to {@code max} characters; the rest becomes "…and N more". */
  static String bounded(List<String> lines, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String more = "\n_…and " + (lines.size() - i) + " more_";
      if (out.length() + line.length() + 1 + (i < lines.size() - 1 ? 24 : 0) > max) {
        out.append(more);
        break;
      }
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(line);
    }
    return out.toString();
  }

  // ---- Home ------------------------------------------------------------------------------------

  public static List<LayoutBlock> home(
      List<Initiative> mine,
      Map<Long, StatusUpdate> last,
      Map<Long, Instant> nextDue,
      ZoneId zone,
      Rollup.Counts portfolio) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (mine.isEmpty() && portfolio == null) {
      return blocks;
    }
    blocks.add(header(h -> h.text(plainText("Status updates"))));
    if (!mine.isEmpty()) {
      List<String> lines = new ArrayList<>();
      for (Initiative i : mine) {
        StatusUpdate u = last.get(i.id);
        Instant due = nextDue.get(i.id);
        lines.add(
            (u == null ? ":white_circle:" : u.rag.emoji())
                + " *"
                + SlackText.escapeAndCut(i.name, 80)
                + "* — "
                + (u == null ? "no update yet" : SlackText.escapeAndCut(u.summary, 120))
                + (due == null ? "" : " · next due " + SlackDates.token(due, zone)));
      }
      blocks.add(section(s -> s.text(markdownText("*Your initiatives*\n" + bounded(lines, 2800)))));
    }
    if (portfolio != null) {
      blocks.add(
          section(
              s ->
                  s.text(
                      markdownText(
                          "*Portfolio*: "
                              + counts(portfolio)
                              + " · "
                              + portfolio.missing()
                              + " missing this week · "
                              + portfolio.stale()
                              + " stale. `/cos report` for details."))));
    }
    return blocks;
  }

  static Confidence[] confidences() {
    return Confidence.values();
  }
}
