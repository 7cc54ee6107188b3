package dev.cosbot.digest;

import dev.cosbot.platform.support.SlackText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The digest feature's words outside the lines themselves: counts, "and N more", the welcome to a
 * new CXO, command answers. One voice; no internal keys.
 */
final class DigestMessages {
  private DigestMessages() {}

  static final String TODAY_NOT_YOURS =
      "The digest is for the CXO. A Chief of Staff can get their own with `/cos digest optin`.";

  /** The label of a link to the Home tab on a line that has no link of its own. */
  static final String ON_HOME = "on Home";

  /** What people call each kind of digest line: singular and plural. */
  private static final Map<String, String[]> KINDS =
      Map.of(
          "escalation", new String[] {"escalation", "escalations"},
          "status", new String[] {"initiative", "initiatives"},
          "initiative", new String[] {"initiative", "initiatives"},
          "pulse", new String[] {"survey result", "survey results"},
          "cadence", new String[] {"meeting", "meetings"},
          "cadence-task", new String[] {"prep task", "prep tasks"},
          "decision", new String[] {"decision", "decisions"});

  /** "3 prep tasks", "1 escalation", "2 other items". */
  static String count(long n, String kind) {
    String[] names = KINDS.getOrDefault(kind, new String[] {"other item", "other items"});
    return n + " " + (n == 1 ? names[0] : names[1]);
  }

  /** "…and 3 more: 3 prep tasks. All of them are on your Home tab." */
  static String andMore(int n, String kinds, String homeLink) {
    String where =
        homeLink == null
            ? "All of them are on your cos-bot *Home* tab."
            : "<" + homeLink + "|See them all on your Home tab>.";
    return "_…and " + n + " more: " + kinds + "._ " + where;
  }

  /** A source that failed while the digest was built, said in people's words. */
  static String couldNotRead(List<String> sources) {
    String what =
        sources.stream()
            .map(s -> KINDS.getOrDefault(s, new String[] {s, s})[1])
            .distinct()
            .collect(Collectors.joining(", "));
    return ":warning: I couldn't read the "
        + SlackText.escapeAndCut(what, 200)
        + " this time; everything else is here.";
  }

  /** The answer to {@code /cos digest preview}: the CXO previewing their own says "your". */
  static String previewSent(String cxoMention, boolean readerIsCxo, int total, int shown) {
    String whose = readerIsCxo ? "your digest" : cxoMention + "'s digest";
    return "I've sent you a preview of "
        + whose
        + " by DM ("
        + (total == 1 ? "1 item" : total + " items")
        + ", "
        + shown
        + " shown).";
  }

  /** The DM text of a preview. */
  static String previewText(String digestText) {
    return "Preview: " + digestText;
  }

  /** {@code /cos digest preview}'s answer from its domain result. */
  static String previewSent(DigestActions.Previewed p) {
    return previewSent(SlackText.mention(p.cxo()), p.readerIsCxo(), p.total(), p.shown());
  }

  static final String PREVIEW_NOT_ALLOWED =
      "Sorry, only a Chief of Staff or the CXO can preview the digest.";
  static final String NO_CXO = "No CXO is set yet: `/cos admin cxo @user` names them.";
  static final String OVERRIDE_TOO_LONG =
      "That is too long: use an item key or a few words (at most 300 characters).";
  static final String SUBSCRIBE_NOT_ALLOWED =
      "Sorry, only a Chief of Staff can get their own digest.";

  /** A pin or mute with nothing named. */
  static String overrideWhat(DigestOverride.Kind kind) {
    return "Say what to "
        + (kind == DigestOverride.Kind.PIN ? "pin" : "mute")
        + ": an item key such as `escalation:42`, or a few words of its line.";
  }

  /** What was pinned or muted. */
  static String overridden(DigestOverride o) {
    String what = "`" + SlackText.escapeAndCut(o.target, 100).replace("`", "'") + "`";
    return o.kind == DigestOverride.Kind.PIN
        ? "Pinned " + what + " into the next digest (if nothing matches, it appears as your note)."
        : "Muted " + what + " from the next digest.";
  }

  /** The pins and mutes waiting for the next digest. */
  static String pending(List<DigestOverride> pending) {
    if (pending.isEmpty()) {
      return "No pins or mutes for the next digest.";
    }
    StringBuilder out = new StringBuilder("*For the next digest:*\n");
    for (DigestOverride o : pending) {
      out.append("• ")
          .append(o.kind == DigestOverride.Kind.PIN ? "pin " : "mute ")
          .append(SlackText.escapeAndCut(o.target, 100))
          .append(" — by ")
          .append(SlackText.mention(o.createdBy))
          .append('\n');
    }
    return SlackText.cut(out.toString(), 3_000);
  }

  /** How many pins and mutes were cleared. */
  static String cleared(long n) {
    if (n == 0) {
      return "No pins or mutes to clear.";
    }
    return n == 1 ? "Cleared the one pin or mute." : "Cleared all " + n + " pins and mutes.";
  }

  /** What opting in or out did. */
  static String subscription(DigestActions.Subscription s) {
    return switch (s) {
      case SUBSCRIBED ->
          "Done: you'll get your own, fuller digest each working day at the CXO's send time, in"
              + " your time zone.";
      case ALREADY_SUBSCRIBED -> "You already get your own digest each working day.";
      case UNSUBSCRIBED -> "Done: no more digests for you.";
      case NOT_SUBSCRIBED -> "You don't get your own digest.";
    };
  }

  static final String ASK_NOT_FOUND = "Sorry, I can't find that item any more.";
  static final String ASK_NOT_YOURS =
      "Sorry, only the person this digest is for can use its buttons.";

  /** The clicker's answer to "Ask owner for detail". */
  static String asked(DigestActions.AskResult r) {
    return switch (r.outcome()) {
      case ASKED -> "Done: I asked " + SlackText.mention(r.owner()) + " for detail on your behalf.";
      case PREVIEW -> "This is a preview: its buttons do nothing.";
      case YOURS -> "That one is yours.";
    };
  }

  /** The DM to the owner, in the reader's name. */
  static String askOwnerDm(String reader, boolean readerIsCxo, String subject) {
    return SlackText.mention(reader)
        + (readerIsCxo ? " (CXO)" : "")
        + " asked me to ask you for more detail on: *"
        + SlackText.escapeAndCut(subject.isBlank() ? "an item in their digest" : subject, 200)
        + "*. Please reply to them directly.";
  }

  /** One question per reader, owner, subject and day. */
  static String askKey(String reader, String owner, String subjectHash, String day) {
    return "digest-ask:" + reader + ":" + owner + ":" + subjectHash + ":" + day;
  }

  /** One "today's digest" per request (a retried click sends it once). */
  static String todayKey(String userId, String requestId) {
    return "digest-today:" + userId + ":" + requestId;
  }

  /** The welcome is sent once to each person named CXO. */
  static String welcomeKey(String cxo) {
    return "digest-welcome:" + cxo;
  }

  private static final DateTimeFormatter FALLBACK_DAY =
      DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter FALLBACK_TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  /**
   * The first message a newly named CXO gets: what will come, and when (as Slack date tokens that
   * show in their own zone, with their zone named in the fallback).
   */
  static String welcome(String cxo, Instant firstDigest, ZoneId zone) {
    long unix = firstDigest.getEpochSecond();
    var local = firstDigest.atZone(zone);
    String zoneName = zone.getId().replace('_', ' ');
    String time =
        "<!date^" + unix + "^{time}|" + FALLBACK_TIME.format(local) + " " + zoneName + ">";
    String first =
        "<!date^"
            + unix
            + "^{date_short_pretty} at {time}|"
            + FALLBACK_DAY.format(local)
            + " "
            + zoneName
            + ">";
    return ":wave: Hi "
        + SlackText.mention(cxo)
        + ", you're now the CXO in cos-bot. Here's what I'll do for you:\n"
        + "• *Every working morning at "
        + time
        + "*, one digest: what needs you, what to watch, and what's good to know."
        + " The first one comes "
        + first
        + ".\n"
        + "• *Decisions* people ask of you arrive with their options as buttons.\n"
        + "• Your *Home* tab shows the decisions waiting and today's digest.\n"
        + "Type `/cos help` any time to see what else you can do.";
  }

  /** The notification text of the welcome. */
  static String welcomeText() {
    return "Welcome: you're now the CXO in cos-bot.";
  }
}
