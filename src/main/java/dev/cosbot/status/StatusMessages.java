package dev.cosbot.status;

import dev.cosbot.platform.support.SlackText;

/** The words of the status feature's short answers and field errors, in one voice. */
public final class StatusMessages {
  private StatusMessages() {}

  /**
   * {@code /cos report <name>} named neither an initiative nor a team; {@code suggestion} is the
   * closest name (or null).
   */
  public static String noSuchReportTarget(String name, String suggestion) {
    return "There's no initiative or team called “"
        + SlackText.escapeAndCut(name, 80)
        + "”."
        + (suggestion == null
            ? ""
            : " Did you mean `/cos report " + SlackText.escapeAndCut(suggestion, 80) + "`?")
        + " `/cos initiatives` lists them; `/cos report` covers everything.";
  }
}
