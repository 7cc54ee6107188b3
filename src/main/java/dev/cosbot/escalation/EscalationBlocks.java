package dev.cosbot.escalation;

import static com.slack.api.model.block.Blocks.actions;
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
import dev.cosbot.platform.support.InputBlocks;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.SlackText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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

  /**
   * The raise form: severities explain their acknowledgement target in words ({@code ackSlas}),
   * areas come from a menu of the defined areas.
   */
  public static View raiseModal(
      Prefill prefill, List<String> areas, java.util.Map<Severity, Sla> ackSlas) {
    List<OptionObject> severities =
        Arrays.stream(Severity.values())
            .map(
                s ->
                    option(plainText(SlackText.cut(severityText(s, ackSlas.get(s)), 75)), s.name()))
            .toList();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(text(EscalationIds.B_TITLE, "Title", false, false, 150, prefill.title()));
    blocks.add(text(EscalationIds.B_DETAILS, "Details", true, true, 3000, prefill.details()));
    blocks.add(
        InputBlocks.field(
            EscalationIds.B_SEVERITY,
            "Severity",
            false,
            null,
            staticSelect(
                s ->
                    s.actionId(EscalationIds.INPUT)
                        .options(severities)
                        .initialOption(severities.get(2)))));
    List<OptionObject> areaOptions =
        areas.stream().limit(100).map(a -> option(plainText(SlackText.cut(a, 75)), a)).toList();
    blocks.add(
        InputBlocks.field(
            EscalationIds.B_AREA,
            "Area",
            false,
            "The areas the Chiefs of Staff route; pick Other when none fits.",
            staticSelect(
                s ->
                    s.actionId(EscalationIds.INPUT)
                        .placeholder(plainText("Pick an area"))
                        .options(areaOptions))));
    blocks.add(text(EscalationIds.B_LINK, "Link", true, false, 1000, prefill.link()));
    blocks.add(
        InputBlocks.field(
            EscalationIds.B_CONFIDENTIAL,
            "Confidential",
            true,
            null,
            checkboxes(
                c ->
                    c.actionId(EscalationIds.INPUT)
                        .options(
                            List.of(
                                option(
                                    plainText(
                                        "Confidential: only the owner and the Chiefs of Staff see it"),
                                    "yes"))))));
    return view(
        v ->
            v.type("modal")
                .callbackId(EscalationIds.RAISE_VIEW)
                .title(viewTitle(t -> t.type("plain_text").text("Escalate")))
                .submit(viewSubmit(t -> t.type("plain_text").text("Escalate")))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(blocks));
  }

  /** A text field of the escalation forms (its one element is {@link EscalationIds#INPUT}). */
  private static LayoutBlock text(
      String blockId,
      String label,
      boolean optional,
      boolean multiline,
      int maxLength,
      String initial) {
    return InputBlocks.field(
        blockId,
        label,
        optional,
        null,
        plainTextInput(
            p ->
                p.actionId(EscalationIds.INPUT)
                    .multiline(multiline)
                    .maxLength(maxLength)
                    .initialValue(blankToNull(initial))));
  }

  public static View resolveModal(long id, String title, SignedMetadata signer) {
    return actionModal(
        EscalationIds.RESOLVE_VIEW,
        id,
        title,
        signer,
        "Resolve escalation",
        "Resolve",
        text(EscalationIds.B_RESOLUTION, "Resolution note", false, true, 3000, null));
  }

  public static View reassignModal(long id, String title, SignedMetadata signer) {
    return actionModal(
        EscalationIds.REASSIGN_VIEW,
        id,
        title,
        signer,
        "Reassign escalation",
        "Reassign",
        InputBlocks.field(
            EscalationIds.B_NEW_OWNER,
            "New owner",
            false,
            null,
            usersSelect(u -> u.actionId(EscalationIds.INPUT))));
  }

  /** A form about escalation {@code id}: its number and title, then one input. */
  private static View actionModal(
      String callbackId,
      long id,
      String title,
      SignedMetadata signer,
      String heading,
      String submit,
      LayoutBlock field) {
    return view(
        v ->
            v.type("modal")
                .callbackId(callbackId)
                .privateMetadata(signer.signId(id))
                .title(viewTitle(t -> t.type("plain_text").text(heading)))
                .submit(viewSubmit(t -> t.type("plain_text").text(submit)))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(
                    List.of(
                        section(
                            s ->
                                s.text(
                                    markdownText(
                                        "*#" + id + "* " + SlackText.escapeAndCut(title, 200)))),
                        field)));
  }

  /** E.g. "S1 — critical: acknowledge within 15 minutes". */
  public static String severityText(Severity s, Sla ackSla) {
    return s.display() + (ackSla == null ? "" : ": acknowledge within " + ackSla.describe());
  }

  /** One-line fallback text (notifications): never user text beyond the escaped title. */
  public static String summary(Escalation e) {
    return "Escalation #"
        + e.id
        + " ("
        + e.severity.display()
        + ", "
        + SlackText.escapeAndCut(e.area, 80)
        + "): "
        + SlackText.escapeAndCut(e.title, 150);
  }

  private static final DateTimeFormatter FALLBACK =
      DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm 'UTC'", Locale.ENGLISH);

  /** A moment as a Slack date token: each reader sees their own zone; the fallback names UTC. */
  public static String when(Instant t) {
    return "<!date^"
        + t.getEpochSecond()
        + "^{date_short_pretty} at {time}|"
        + FALLBACK.format(t.atZone(ZoneOffset.UTC))
        + ">";
  }

  /**
   * A clickable link labelled with its host, so the label cannot disguise where it goes; null when
   * it is not a plain web address.
   */
  public static String link(String url) {
    if (url == null || !url.matches("https?://[^\\s<>|`]{1,990}")) {
      return null;
    }
    String host = url.replaceFirst("^https?://([^/?#:@]+).*$", "$1");
    return "<" + url.replace("&", "&amp;") + "|" + SlackText.escapeAndCut(host, 100) + ">";
  }

  /**
   * The card: headline, what it is, who has it, its deadlines, details, link and routing; while
   * unresolved, the buttons that still apply, whose values are ids signed by {@code signer} (null:
   * no buttons).
   */
  public static List<LayoutBlock> card(Escalation e, String headline, SignedMetadata signer) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(SlackText.cut(headline, 500)))));
    String facts = "*#" + e.id + " " + SlackText.escapeAndCut(e.title, 150) + "*\n" + facts(e);
    blocks.add(section(s -> s.text(markdownText(SlackText.cut(facts, 3000)))));
    if (e.details != null && !e.details.isBlank()) {
      blocks.add(section(s -> s.text(markdownText(SlackText.escapeAndCut(e.details, 2900)))));
    }
    List<String> notes = new ArrayList<>();
    String deadlines = deadlines(e);
    if (deadlines != null) {
      notes.add(deadlines);
    }
    String link = link(e.link);
    if (link != null) {
      notes.add("Link: " + link);
    }
    notes.add("Routed by " + SlackText.escapeAndCut(e.routeLabel, 300));
    blocks.add(context(String.join("  ·  ", notes)));
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

  /**
   * Severity, area, who raised it, who owns it, where it stands: the card and the reporter's DM.
   */
  private static String facts(Escalation e) {
    return "*Severity:* "
        + e.severity.display()
        + "   *Area:* "
        + SlackText.escapeAndCut(e.area, 80)
        + (e.confidential ? "   :lock: confidential" : "")
        + "\n*Raised by:* "
        + SlackText.mention(e.reporter)
        + "   *Owner:* "
        + ownerText(e)
        + "\n*Status:* "
        + statusText(e);
  }

  /** The deadlines still ahead, as date tokens (null when resolved). */
  private static String deadlines(Escalation e) {
    if (!e.isOpen()) {
      return null;
    }
    String resolve = e.resolveDueAt == null ? "" : "resolve by " + when(e.resolveDueAt);
    if (e.status == Escalation.Status.OPEN && e.ackDueAt != null) {
      return "Acknowledge by " + when(e.ackDueAt) + (resolve.isEmpty() ? "" : ", " + resolve);
    }
    return resolve.isEmpty() ? null : "R" + resolve.substring(1);
  }

  private static LayoutBlock context(String mrkdwn) {
    return com.slack.api.model.block.Blocks.context(
        c -> c.elements(List.of(markdownText(SlackText.cut(mrkdwn, 2900)))));
  }

  /** The reporter's DM, rewritten as the state changes. */
  public static List<LayoutBlock> reporterStatus(Escalation e) {
    StringBuilder text =
        new StringBuilder("Your escalation *#")
            .append(e.id)
            .append(" ")
            .append(SlackText.escapeAndCut(e.title, 150))
            .append("*\n")
            .append(facts(e));
    if (e.status == Escalation.Status.RESOLVED && e.resolution != null) {
      text.append("\n*Resolution:* ").append(SlackText.escapeAndCut(e.resolution, 2000));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(SlackText.cut(text.toString(), 3000)))));
    String deadlines = deadlines(e);
    if (deadlines != null) {
      blocks.add(context(deadlines));
    }
    return blocks;
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
              : ":red_circle: open, not acknowledged in time: escalated "
                  + times(e.chainStep)
                  + " up the chain";
      case ACKNOWLEDGED ->
          ":large_yellow_circle: acknowledged by " + SlackText.mention(e.acknowledgedBy);
      case RESOLVED -> ":white_check_mark: resolved by " + SlackText.mention(e.resolvedBy);
    };
  }

  private static String times(int n) {
    return switch (n) {
      case 1 -> "once";
      case 2 -> "twice";
      default -> n + " times";
    };
  }

  /** At most this many escalations are listed in one answer; the rest are counted. */
  static final int LIST_LIMIT = 30;

  /**
   * The {@code /cos escalations} answer: one line each, most severe and oldest first. The caller
   * passes only escalations the viewer may know of; an admin is also told where tools read them.
   */
  public static String list(
      String heading, List<Escalation> items, Instant now, boolean viewerIsAdmin) {
    if (items.isEmpty()) {
      return heading + ": none. :tada:";
    }
    StringBuilder text =
        new StringBuilder("*").append(heading).append("* (").append(items.size()).append(")\n");
    // Cut by count and by Slack's 3,000 characters a section, so "…and N more" always shows.
    String more = more(items.size(), viewerIsAdmin);
    int shown = 0;
    for (Escalation e : items) {
      String line = line(e, now);
      if (shown == LIST_LIMIT || text.length() + line.length() + more.length() > 2_950) {
        text.append(more(items.size() - shown, viewerIsAdmin));
        break;
      }
      text.append(line);
      shown++;
    }
    return SlackText.cut(text.toString(), 3000);
  }

  /** One escalation of the list, ending in a newline. */
  private static String line(Escalation e, Instant now) {
    StringBuilder text =
        new StringBuilder("• *#")
            .append(e.id)
            .append("* ")
            .append(e.severity.name())
            .append(" · ")
            .append(SlackText.escapeAndCut(e.area, 40))
            .append(" · ")
            .append(SlackText.escapeAndCut(e.title, 80))
            .append(" · ")
            .append(ownerText(e))
            .append(" · ");
    if (e.confidential) {
      text.append(":lock: confidential · ");
    }
    text.append(e.status.name().toLowerCase())
        .append(" · raised ")
        .append(ago(Duration.between(e.createdAt, now)));
    if (e.ackBreachedAt != null || e.resolveBreachedAt != null) {
      text.append(" · :warning: SLA breached");
    }
    return text.append('\n').toString();
  }

  /** "…and 12 more": how to see the rest, and for admins where tools read the full list. */
  static String more(int n, boolean viewerIsAdmin) {
    String rest =
        "_…and "
            + n
            + " more, oldest last. Narrow the list by area with `/cos escalations <area>`, or see"
            + " yours with `/cos escalations mine`._";
    return viewerIsAdmin
        ? rest
            + "\n_For admins: the dashboard lists every escalation, and tools can read them all"
            + " from the escalations API (`/api/v1/escalations`)._"
        : rest;
  }

  /** "just now", "1 minute ago", "3 hours ago", "2 days ago": how long ago, in words. */
  public static String ago(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    if (minutes < 1) {
      return "just now";
    }
    if (minutes < 60) {
      return plural(minutes, "minute") + " ago";
    }
    if (minutes < 48 * 60) {
      return plural(minutes / 60, "hour") + " ago";
    }
    return plural(minutes / (24 * 60), "day") + " ago";
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
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
    StringBuilder s = new StringBuilder();
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
