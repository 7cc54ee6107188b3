package dev.cosbot.escalation;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.SlackText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Block Kit for escalations: the raise/resolve/reassign modals and the messages. Pure functions.
 */
public final class EscalationBlocks {
  private EscalationBlocks() {}

  /** What the raise modal starts with (from /escalate text or a message shortcut). */
  public record Prefill(String title, String details, String link) {
    public static Prefill fromText(String text, String link) {
      String t = text == null ? "" : text.strip();
      String firstLine = t.contains("\n") ? t.substring(0, t.indexOf('\n')).strip() : t;
      return new Prefill(
          cutPlain(firstLine, 150), cutPlain(t, 3000), link == null ? null : cutPlain(link, 1000));
    }
  }

  private static String cutPlain(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  public static View raiseModal(Prefill prefill, List<String> areas) {
    List<OptionObject> severities =
        Arrays.stream(Severity.values())
            .map(s -> option(plainText(s.display()), s.name()))
            .toList();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        input(
            i ->
                i.blockId(EscalationIds.B_TITLE)
                    .label(plainText("Title"))
                    .element(
                        plainTextInput(
                            p ->
                                p.actionId(EscalationIds.INPUT)
                                    .maxLength(150)
                                    .initialValue(blankToNull(prefill.title()))))));
    blocks.add(
        input(
            i ->
                i.blockId(EscalationIds.B_DETAILS)
                    .label(plainText("Details"))
                    .optional(true)
                    .element(
                        plainTextInput(
                            p ->
                                p.actionId(EscalationIds.INPUT)
                                    .multiline(true)
                                    .maxLength(3000)
                                    .initialValue(blankToNull(prefill.details()))))));
    blocks.add(
        input(
            i ->
                i.blockId(EscalationIds.B_SEVERITY)
                    .label(plainText("Severity"))
                    .element(
                        staticSelect(
                            s ->
                                s.actionId(EscalationIds.INPUT)
                                    .options(severities)
                                    .initialOption(severities.get(2))))));
    List<OptionObject> areaOptions =
        areas.stream().limit(100).map(a -> option(plainText(SlackText.cut(a, 75)), a)).toList();
    blocks.add(
        input(
            i ->
                i.blockId(EscalationIds.B_AREA)
                    .label(plainText("Area"))
                    .hint(
                        plainText(
                            "The areas the Chiefs of Staff route; pick Other when none fits."))
                    .element(
                        staticSelect(
                            s ->
                                s.actionId(EscalationIds.INPUT)
                                    .placeholder(plainText("Pick an area"))
                                    .options(areaOptions)))));
    blocks.add(
        input(
            i ->
                i.blockId(EscalationIds.B_LINK)
                    .label(plainText("Link"))
                    .optional(true)
                    .element(
                        plainTextInput(
                            p ->
                                p.actionId(EscalationIds.INPUT)
                                    .maxLength(1000)
                                    .initialValue(blankToNull(prefill.link()))))));
    blocks.add(
        input(
            i ->
                i.blockId(EscalationIds.B_CONFIDENTIAL)
                    .label(plainText("Confidential"))
                    .optional(true)
                    .element(
                        checkboxes(
                            c ->
                                c.actionId(EscalationIds.INPUT)
                                    .options(
                                        List.of(
                                            option(
                                                plainText(
                                                    "Confidential: only the owner and the Chiefs of Staff see it"),
                                                "yes")))))));
    return view(
        v ->
            v.type("modal")
                .callbackId(EscalationIds.RAISE_VIEW)
                .title(viewTitle(t -> t.type("plain_text").text("Escalate")))
                .submit(viewSubmit(t -> t.type("plain_text").text("Escalate")))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(blocks));
  }

  public static View resolveModal(long id, String title, SignedMetadata signer) {
    return view(
        v ->
            v.type("modal")
                .callbackId(EscalationIds.RESOLVE_VIEW)
                .privateMetadata(signer.signId(id))
                .title(viewTitle(t -> t.type("plain_text").text("Resolve escalation")))
                .submit(viewSubmit(t -> t.type("plain_text").text("Resolve")))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(
                    List.of(
                        section(
                            s ->
                                s.text(
                                    markdownText(
                                        "*#" + id + "* " + SlackText.escapeAndCut(title, 200)))),
                        input(
                            i ->
                                i.blockId(EscalationIds.B_RESOLUTION)
                                    .label(plainText("Resolution note"))
                                    .element(
                                        plainTextInput(
                                            p ->
                                                p.actionId(EscalationIds.INPUT)
                                                    .multiline(true)
                                                    .maxLength(3000)))))));
  }

  public static View reassignModal(long id, String title, SignedMetadata signer) {
    return view(
        v ->
            v.type("modal")
                .callbackId(EscalationIds.REASSIGN_VIEW)
                .privateMetadata(signer.signId(id))
                .title(viewTitle(t -> t.type("plain_text").text("Reassign escalation")))
                .submit(viewSubmit(t -> t.type("plain_text").text("Reassign")))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(
                    List.of(
                        section(
                            s ->
                                s.text(
                                    markdownText(
                                        "*#" + id + "* " + SlackText.escapeAndCut(title, 200)))),
                        input(
                            i ->
                                i.blockId(EscalationIds.B_NEW_OWNER)
                                    .label(plainText("New owner"))
                                    .element(usersSelect(u -> u.actionId(EscalationIds.INPUT)))))));
  }

  /** One-line fallback text (notifications): never user text beyond the escaped title. */
  public static String summary(Escalation e) {
    return "Escalation #"
        + e.id
        + " ("
        + e.severity.name()
        + ", "
        + SlackText.escapeAndCut(e.area, 80)
        + "): "
        + SlackText.escapeAndCut(e.title, 150);
  }

  /**
   * The escalation card posted to the channel and DMed to the owner; while unresolved, with the
   * action buttons, whose values are ids signed by {@code signer} (null: no buttons).
   */
  public static List<LayoutBlock> card(Escalation e, String headline, SignedMetadata signer) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(SlackText.cut(headline, 500)))));
    StringBuilder body = new StringBuilder();
    body.append("*#")
        .append(e.id)
        .append(" ")
        .append(SlackText.escapeAndCut(e.title, 150))
        .append("*\n");
    body.append("*Severity:* ")
        .append(e.severity.display())
        .append("   *Area:* ")
        .append(SlackText.escapeAndCut(e.area, 80));
    if (e.confidential) {
      body.append("   :lock: confidential");
    }
    body.append("\n*Raised by:* ")
        .append(SlackText.mention(e.reporter))
        .append("   *Owner:* ")
        .append(ownerText(e))
        .append("\n*Status:* ")
        .append(statusText(e));
    blocks.add(section(s -> s.text(markdownText(SlackText.cut(body.toString(), 3000)))));
    if (e.details != null && !e.details.isBlank()) {
      blocks.add(section(s -> s.text(markdownText(SlackText.escapeAndCut(e.details, 2900)))));
    }
    if (e.link != null && !e.link.isBlank()) {
      // Shown as text, never as a live link whose label could disguise where it goes.
      blocks.add(
          context(
              c ->
                  c.elements(
                      List.of(
                          markdownText(
                              "Link: `"
                                  + SlackText.escapeAndCut(e.link.replace("`", "'"), 900)
                                  + "`")))));
    }
    blocks.add(
        context(
            c ->
                c.elements(
                    List.of(
                        markdownText(
                            SlackText.cut("Routed by " + SlackText.escape(e.routeLabel), 500))))));
    if (signer != null && e.isOpen()) {
      String value = signer.signId(e.id);
      List<BlockElement> buttons = new ArrayList<>();
      if (e.status == Escalation.Status.OPEN) {
        buttons.add(
            button(
                b ->
                    b.actionId(EscalationIds.ACK)
                        .text(plainText("Acknowledge"))
                        .value(value)
                        .style("primary")));
      }
      buttons.add(
          button(b -> b.actionId(EscalationIds.REASSIGN).text(plainText("Reassign")).value(value)));
      buttons.add(
          button(b -> b.actionId(EscalationIds.RESOLVE).text(plainText("Resolve")).value(value)));
      blocks.add(
          actions(a -> a.blockId(EscalationIds.ACTIONS_BLOCK + ":" + e.id).elements(buttons)));
    }
    return blocks;
  }

  /** The reporter's DM, rewritten as the state changes. */
  public static List<LayoutBlock> reporterStatus(Escalation e) {
    StringBuilder text = new StringBuilder();
    text.append("Your escalation *#")
        .append(e.id)
        .append(" ")
        .append(SlackText.escapeAndCut(e.title, 150))
        .append("*\n");
    text.append(e.severity.display()).append(" · ").append(SlackText.escapeAndCut(e.area, 80));
    if (e.confidential) {
      text.append(" · :lock: confidential");
    }
    text.append("\n*Owner:* ").append(ownerText(e)).append("\n*Status:* ").append(statusText(e));
    if (e.status == Escalation.Status.RESOLVED && e.resolution != null) {
      text.append("\n*Resolution:* ").append(SlackText.escapeAndCut(e.resolution, 2000));
    }
    return List.of(section(s -> s.text(markdownText(SlackText.cut(text.toString(), 3000)))));
  }

  public static String ownerText(Escalation e) {
    return ownerText(e.owner());
  }

  public static String ownerText(Escalation.Owner owner) {
    if (owner.user() != null) {
      return SlackText.mention(owner.user());
    }
    if (owner.group() != null) {
      return "<!subteam^" + owner.group() + ">";
    }
    return "the Chiefs of Staff";
  }

  public static String statusText(Escalation e) {
    return switch (e.status) {
      case OPEN ->
          e.chainStep == 0
              ? ":red_circle: open, waiting for acknowledgement"
              : ":red_circle: open, escalated " + e.chainStep + " step(s) up the chain";
      case ACKNOWLEDGED ->
          ":large_yellow_circle: acknowledged by " + SlackText.mention(e.acknowledgedBy);
      case RESOLVED -> ":white_check_mark: resolved by " + SlackText.mention(e.resolvedBy);
    };
  }

  /**
   * The {@code /cos escalations} answer: one line each, most severe and oldest first. The caller
   * passes only escalations the viewer may know of.
   */
  public static String list(String heading, List<Escalation> items, Instant now) {
    if (items.isEmpty()) {
      return heading + ": none. :tada:";
    }
    StringBuilder text =
        new StringBuilder("*").append(heading).append("* (").append(items.size()).append(")\n");
    int shown = 0;
    for (Escalation e : items) {
      if (shown++ == 30) {
        text.append("…and ")
            .append(items.size() - 30)
            .append(" more. Use `GET /api/v1/escalations` for all.");
        break;
      }
      text.append("• *#")
          .append(e.id)
          .append("* ")
          .append(e.severity.name())
          .append(" · ")
          .append(SlackText.escapeAndCut(e.area, 40))
          .append(" · ");
      text.append(SlackText.escapeAndCut(e.title, 80))
          .append(" · ")
          .append(ownerText(e))
          .append(" · ");
      if (e.confidential) {
        text.append(":lock: confidential · ");
      }
      text.append(e.status.name().toLowerCase())
          .append(" · ")
          .append(age(Duration.between(e.createdAt, now)))
          .append(" old");
      if (e.ackBreachedAt != null || e.resolveBreachedAt != null) {
        text.append(" · :warning: SLA breached");
      }
      text.append('\n');
    }
    return SlackText.cut(text.toString(), 3000);
  }

  public static String age(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    if (minutes < 60) {
      return minutes + "m";
    }
    if (minutes < 48 * 60) {
      return minutes / 60 + "h";
    }
    return minutes / (24 * 60) + "d";
  }

  /** The {@code /cos route list} answer. */
  public static String rules(List<EscalationRoute> routes) {
    StringBuilder text = new StringBuilder("*Escalation routing rules* (tried in this order)\n");
    for (EscalationRoute r : routes) {
      text.append("• *#").append(r.id).append("* ").append(rule(r)).append('\n');
    }
    text.append("• _default_: anything unmatched → the Chiefs of Staff, then the CXO");
    return SlackText.cut(text.toString(), 3000);
  }

  /** One routing rule in words. */
  public static String rule(EscalationRoute r) {
    StringBuilder s = new StringBuilder("priority ").append(r.priority).append(": ");
    if (r.area != null) {
      s.append("area “").append(SlackText.escapeAndCut(r.area, 80)).append("” ");
    }
    if (r.keywords != null) {
      s.append("keywords “").append(SlackText.escapeAndCut(r.keywords, 200)).append("” ");
    }
    s.append("→ ")
        .append(
            r.ownerUser != null
                ? SlackText.mention(r.ownerUser)
                : "<!subteam^" + r.ownerGroup + ">");
    if (r.channelId != null) {
      s.append(" in ").append(SlackText.channel(r.channelId));
    }
    if (r.backupUser != null) {
      s.append(", backup ").append(SlackText.mention(r.backupUser));
    }
    return s.toString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
