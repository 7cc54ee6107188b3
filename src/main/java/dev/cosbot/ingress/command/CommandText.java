package dev.cosbot.ingress.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits slash command text into words, keeping "quoted phrases" and Slack's <@U…|name> tokens
 * whole.
 */
public final class CommandText {
  private CommandText() {}

  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    // Slack's own tokens (<@U1|name>, <#C1|general>, <!subteam^S1|@team>) stay whole even when
    // their label has spaces; a literal < typed by a person arrives escaped as &lt;.
    int angle = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '"' || c == '“' || c == '”') && angle == 0) {
        quoted = !quoted;
        continue;
      }
      if (c == '<') {
        angle++;
      } else if (c == '>' && angle > 0) {
        angle--;
      }
      if (Character.isWhitespace(c) && !quoted && angle == 0) {
        if (current.length() > 0) {
          words.add(current.toString());
          current.setLength(0);
        }
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      words.add(current.toString());
    }
    return words;
  }

  /**
   * The user id in a mention as Slack escapes it ({@code <@U123|ana>}) or a bare id; null
   * otherwise.
   */
  public static String userId(String word) {
    if (word == null) {
      return null;
    }
    String w = word.trim();
    if (w.startsWith("<@") && w.endsWith(">")) {
      w = w.substring(2, w.length() - 1);
      int bar = w.indexOf('|');
      if (bar >= 0) {
        w = w.substring(0, bar);
      }
    }
    return w.matches("[UW][A-Z0-9]{2,20}") ? w : null;
  }

  /** The channel id in {@code <#C123|general>} or a bare id; null otherwise. */
  public static String channelId(String word) {
    if (word == null) {
      return null;
    }
    String w = word.trim();
    if (w.startsWith("<#") && w.endsWith(">")) {
      w = w.substring(2, w.length() - 1);
      int bar = w.indexOf('|');
      if (bar >= 0) {
        w = w.substring(0, bar);
      }
    }
    return w.matches("[CGD][A-Z0-9]{2,20}") ? w : null;
  }
}
