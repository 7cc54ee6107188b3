package dev.cosbot.agenda;

import dev.cosbot.platform.support.SlackText;
import java.util.List;
import java.util.Locale;

/** The words of agendas that are not Block Kit. */
public final class AgendaMessages {
  private AgendaMessages() {}

  public static final String USAGE =
      "Agendas: `/cos agenda add [\"meeting\"] [owner @person]` adds an item, `/cos agenda \"meeting\"` shows the"
          + " next one, `/cos agenda length \"meeting\" 30` sets the meeting's length in minutes,"
          + " `/cos agenda covered \"meeting\"` ticks off what was covered (the rest rolls over).";
  public static final String OWNER_ONLY =
      "Only the meeting's owner or a Chief of Staff can do that. Ask them, or add an item with"
          + " `/cos agenda add`.";
  public static final String TITLE_NEEDED = "What's the item? A few words.";
  public static final String MINUTES_NEEDED = "How many minutes: a whole number from 1 to 480.";
  public static final String MEETING_NEEDED = "Pick the meeting.";
  public static final String LENGTH_NEEDED =
      "Give the length in minutes, e.g. `/cos agenda length \"Staff meeting\" 30`.";
  public static final String NO_MEETINGS =
      "There are no meetings yet. A Chief of Staff creates them with `/cos cadence new`.";
  public static final String OWNER_EXAMPLE = "`/cos agenda add \"Staff meeting\" owner @ana`";
  public static final String OWNER_MENTION =
      "Name the item's owner with @ so Slack fills in the right person, e.g. "
          + OWNER_EXAMPLE
          + ". Or leave the owner out and pick them in the form.";
  public static final String MEETING_GONE =
      "I can't find that meeting any more. `/cos cadence list` shows the meetings.";
  public static final String CANT_OPEN_FORM =
      "Sorry, I couldn't open the form. Please try `/cos agenda add` again.";
  public static final String NOTHING_TO_COVER = "Nothing is on that agenda.";

  /** No such meeting (that the caller may see), with a suggestion when one looks close. */
  public static String noSuchMeeting(String name, List<String> known) {
    String wanted = squash(name);
    String close =
        known.stream()
            .filter(
                k ->
                    !wanted.isEmpty() && (squash(k).contains(wanted) || wanted.contains(squash(k))))
            .findFirst()
            .orElse(null);
    return "I don't know a meeting called \""
        + SlackText.escapeAndCut(name, 80)
        + "\"."
        + (close == null
            ? " `/cos cadence list` shows the meetings."
            : " Did you mean \"" + SlackText.escapeAndCut(close, 80) + "\"?");
  }

  /** The item was added. */
  public static String added(AgendaItem item, String meeting) {
    return ":memo: Added to the agenda of *"
        + SlackText.escapeAndCut(meeting, 80)
        + "*: "
        + SlackText.escapeAndCut(item.title, 120)
        + " ("
        + item.minutes
        + " min, "
        + SlackText.mention(item.ownerId)
        + ").";
  }

  /** The length was set. */
  public static String lengthSet(String meeting, int minutes) {
    return "*"
        + SlackText.escapeAndCut(meeting, 80)
        + "* is "
        + minutes
        + " minutes long: its agenda is checked against that.";
  }

  /** Items were marked covered. */
  public static String covered(int covered, int left) {
    return covered
        + (covered == 1 ? " item" : " items")
        + " marked covered."
        + (left == 0
            ? ""
            : " " + left + (left == 1 ? " item rolls" : " items roll") + " over to the next one.");
  }

  private static String squash(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
