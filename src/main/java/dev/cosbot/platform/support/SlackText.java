package dev.cosbot.platform.support;

/**
 * Makes user-provided text safe to echo into Slack mrkdwn: no live mentions, no disguised links.
 *
 * <p>Slack treats {@code <!channel>}, {@code <@U…>} and {@code <url|label>} as live syntax;
 * escaping {@code &}, {@code <} and {@code >} turns them into plain text (Slack's own guidance).
 */
public final class SlackText {
  private SlackText() {}

  /** Escapes text for mrkdwn and plain_text fields alike. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Escapes and cuts to {@code max} characters (with an ellipsis) so a Block Kit limit is never
   * exceeded.
   */
  public static String escapeAndCut(String text, int max) {
    return cut(escape(text), max);
  }

  /** Cuts already-safe text to at most {@code max} characters, ending with an ellipsis when cut. */
  public static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    String cut = text.substring(0, Math.max(0, max - 1));
    // Never leave half an escape sequence such as "&am" behind.
    int amp = cut.lastIndexOf('&');
    if (amp >= 0 && cut.indexOf(';', amp) < 0) {
      cut = cut.substring(0, amp);
    }
    return cut + "…";
  }

  /** A mention of a Slack user id we stored ourselves (never of user-typed text). */
  public static String mention(String userId) {
    if (userId == null || !userId.matches("[UW][A-Z0-9]{2,20}")) {
      return escape(userId);
    }
    return "<@" + userId + ">";
  }

  /** A channel link for a channel id we stored ourselves. */
  public static String channel(String channelId) {
    if (channelId == null || !channelId.matches("[CGD][A-Z0-9]{2,20}")) {
      return escape(channelId);
    }
    return "<#" + channelId + ">";
  }
}
