package dev.cosbot.agenda;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.cosbot.platform.spi.Meeting;
import dev.cosbot.platform.support.SlackText;
import java.util.ArrayList;
import java.util.List;

/** The agenda in a reminder, in the calendar and in its forms. Pure functions. */
public final class AgendaBlocks {
  private AgendaBlocks() {}

  /** The agenda as a numbered list with owners and minutes, then the total against the length. */
  public static String agendaText(AgendaService.Agenda a) {
    StringBuilder out = new StringBuilder(":memo: *Agenda*");
    if (a.items().isEmpty()) {
      out.append("\nNothing on it yet.");
    }
    int n = 1;
    for (AgendaItem i : a.items()) {
      out.append("\n")
          .append(n++)
          .append(". ")
          .append(SlackText.escapeAndCut(i.title, 150))
          .append(" — ")
          .append(SlackText.mention(i.ownerId))
          .append(", ")
          .append(i.minutes)
          .append(" min");
      if (i.rolledOverFor(a.meeting().at())) {
        out.append(" _(rolled over)_");
      }
    }
    out.append("\n*Total:* ")
        .append(a.total())
        .append(" of ")
        .append(a.length())
        .append(" minutes");
    if (a.over()) {
      out.append("\n:warning: ")
          .append(a.total() - a.length())
          .append(" minutes over: trim an item or move one to the next meeting.");
    }
    return SlackText.cut(out.toString(), 2_900);
  }

  /** The agenda in a lead-time reminder, with a button to add an item. */
  public static List<LayoutBlock> reminder(AgendaService.Agenda a, String buttonValue) {
    String text = agendaText(a);
    return List.of(
        section(s -> s.text(markdownText(text))),
        actions(
            x ->
                x.elements(
                    List.<BlockElement>of(
                        button(
                            b ->
                                b.actionId(AgendaIds.ADD_BUTTON)
                                    .text(plainText("Add agenda item"))
                                    .value(buttonValue))))));
  }

  /** The agenda as plain text for the calendar event. */
  public static String calendarText(AgendaService.Agenda a) {
    StringBuilder out =
        new StringBuilder("Agenda (")
            .append(a.total())
            .append(" of ")
            .append(a.length())
            .append(" min):");
    int n = 1;
    for (AgendaItem i : a.items()) {
      out.append("\n")
          .append(n++)
          .append(". ")
          .append(SlackText.cut(i.title, 150))
          .append(" (")
          .append(i.minutes)
          .append(" min)");
    }
    return out.toString();
  }

  /** A digest line: a meeting that collects an agenda has none two days before. */
  public static String gapLine(Meeting m) {
    return ":memo: No agenda yet for *"
        + SlackText.escapeAndCut(m.name(), 80)
        + "* <!date^"
        + m.at().getEpochSecond()
        + "^{date_short_pretty} at {time}|"
        + java.time.format.DateTimeFormatter.ofPattern("EEE d MMM HH:mm", java.util.Locale.ENGLISH)
            .format(m.at().atZone(m.zone()))
        + " "
        + m.zone().getId()
        + ">: add items with `/cos agenda add`.";
  }

  /** "Add agenda item": meeting (unless known), item, owner, minutes. */
  public static View addModal(
      List<String> meetings, String meeting, String owner, String metadata) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (meeting == null) {
      List<OptionObject> options = new ArrayList<>();
      for (String m : meetings.subList(0, Math.min(100, meetings.size()))) {
        options.add(option(SlackText.cut(m, 75), SlackText.cut(m, 150)));
      }
      blocks.add(
          input(
              i ->
                  i.blockId(AgendaIds.MEETING)
                      .label(plainText("Meeting"))
                      .element(staticSelect(s -> s.actionId(AgendaIds.MEETING).options(options)))));
    } else {
      blocks.add(
          section(
              s ->
                  s.text(
                      markdownText(
                          "For the next *" + SlackText.escapeAndCut(meeting, 80) + "*."))));
    }
    blocks.add(
        input(
            i ->
                i.blockId(AgendaIds.TITLE)
                    .label(plainText("Item"))
                    .element(
                        plainTextInput(
                            p -> p.actionId(AgendaIds.TITLE).maxLength(AgendaService.MAX_TITLE)))));
    blocks.add(
        input(
            i ->
                i.blockId(AgendaIds.OWNER)
                    .label(plainText("Owner"))
                    .element(usersSelect(u -> u.actionId(AgendaIds.OWNER).initialUser(owner)))));
    blocks.add(
        input(
            i ->
                i.blockId(AgendaIds.MINUTES)
                    .label(plainText("Minutes"))
                    .element(
                        plainTextInput(
                            p -> p.actionId(AgendaIds.MINUTES).maxLength(3).initialValue("10")))));
    blocks.add(
        context(
            List.<ContextBlockElement>of(
                markdownText(
                    "Items are posted with the meeting's reminder in the order they were added;"
                        + " what isn't covered rolls over to the next one."))));
    return modal(AgendaIds.ADD_CALLBACK, metadata, "Add agenda item", "Add", blocks);
  }

  /** Tick what was covered; the rest rolls over. */
  public static View coveredModal(AgendaService.Agenda a, String metadata) {
    List<OptionObject> options = new ArrayList<>();
    for (AgendaItem i : a.items().subList(0, Math.min(10, a.items().size()))) {
      options.add(option(SlackText.cut(i.title, 75), String.valueOf(i.id)));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        input(
            i ->
                i.blockId(AgendaIds.ITEMS)
                    .optional(true)
                    .label(plainText("Covered in the meeting"))
                    .element(checkboxes(c -> c.actionId(AgendaIds.ITEMS).options(options)))));
    blocks.add(
        context(
            List.<ContextBlockElement>of(
                markdownText("Anything not ticked stays on the agenda of the next meeting."))));
    return modal(AgendaIds.COVERED_CALLBACK, metadata, "What was covered", "Save", blocks);
  }

  /** A modal that only tells something. */
  public static View message(String text) {
    return View.builder()
        .type("modal")
        .title(viewTitle(t -> t.type("plain_text").text("Agenda")))
        .close(viewClose(t -> t.type("plain_text").text("Done")))
        .blocks(List.of(section(s -> s.text(markdownText(text)))))
        .build();
  }

  static OptionObject option(String text, String value) {
    return OptionObject.builder().text(plainText(text)).value(value).build();
  }

  private static View modal(
      String callbackId, String metadata, String title, String submit, List<LayoutBlock> blocks) {
    return View.builder()
        .type("modal")
        .callbackId(callbackId)
        .privateMetadata(metadata)
        .title(viewTitle(t -> t.type("plain_text").text(title)))
        .submit(viewSubmit(t -> t.type("plain_text").text(submit)))
        .close(viewClose(t -> t.type("plain_text").text("Cancel")))
        .blocks(blocks)
        .build();
  }
}
