package dev.cosbot.ingress.command;

import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Role;
import dev.cosbot.platform.support.SlackText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every word the {@code /cos} router says: the short help grouped by what you want to do and by
 * role, the details of one topic, "did you mean" for typos and usage for wrong arguments.
 */
public final class HelpBlocks {
  private HelpBlocks() {}

  /** What people come to do, in the order the help lists them. */
  enum Topic {
    PROGRESS(
        ":memo:", "Share progress", "progress", "status", "initiative", "initiatives", "report"),
    PROBLEMS(":rotating_light:", "Raise a problem", "problems", "escalate", "escalations", "route"),
    DECISIONS(":scales:", "Get a decision", "decisions", "decision"),
    RHYTHM(":calendar:", "Meetings and rhythm", "rhythm", "cadence", "cadences"),
    SURVEYS(":bar_chart:", "Surveys", "surveys", "pulse"),
    DIGEST(":newspaper:", "The daily digest", "digest"),
    RUN(":gear:", "Run cos-bot", "admin"),
    MORE(":sparkles:", "More", "more");

    final String emoji;
    final String title;
    final Set<String> words;

    Topic(String emoji, String title, String... words) {
      this.emoji = emoji;
      this.title = title;
      this.words = Set.of(words);
    }

    static Topic of(String word) {
      String w = word.toLowerCase(Locale.ROOT);
      for (Topic t : values()) {
        if (t.words.contains(w) || t.title.toLowerCase(Locale.ROOT).equals(w)) {
          return t;
        }
      }
      return null;
    }
  }

  /**
   * The short help: one line per thing you may want to do, everyone's first, then what your role
   * adds; {@code askWho} is who to ask (mentions), shown only to people who are not a Chief of
   * Staff.
   */
  public static String shortHelp(List<HelpLine> lines, Caller caller, String askWho) {
    StringBuilder text = new StringBuilder("*Here's what you can do with cos-bot:*\n");
    appendTopics(text, lines, caller, Role.MEMBER);
    if (caller.isCxo() && lines.stream().anyMatch(l -> l.role() == Role.CXO)) {
      text.append("\n*As the CXO*\n");
      appendTopics(text, lines, caller, Role.CXO);
    }
    if (caller.isAdmin()) {
      text.append("\n*As Chief of Staff*\n");
      appendTopics(text, lines, caller, Role.ADMIN);
    }
    text.append("\nFor details, add a topic: `/cos help status`, `/cos help surveys`…");
    text.append(footer(caller, askWho));
    return SlackText.cut(text.toString(), 3000);
  }

  private static String footer(Caller caller, String askWho) {
    if (caller.isAdmin()) {
      return "";
    }
    return "\nQuestions? Ask " + (askWho == null ? "your Chief of Staff" : askWho) + ".";
  }

  private static void appendTopics(
      StringBuilder text, List<HelpLine> lines, Caller caller, Role role) {
    Map<Topic, Set<String>> heads = new LinkedHashMap<>();
    for (Topic t : Topic.values()) {
      heads.put(t, new LinkedHashSet<>());
    }
    for (HelpLine line : lines) {
      if (line.role() != role || !caller.has(role) || line.usage().startsWith("/cos help")) {
        continue;
      }
      heads.get(topicOf(line)).add(head(line.usage()));
    }
    heads.forEach(
        (topic, commands) -> {
          if (!commands.isEmpty()) {
            text.append(topic.emoji)
                .append(" *")
                .append(topic.title)
                .append("* — ")
                .append(commands.stream().map(c -> "`" + c + "`").collect(Collectors.joining(", ")))
                .append('\n');
          }
        });
  }

  /**
   * The details of one topic or command ({@code /cos help status}); null when {@code word} names
   * neither.
   */
  public static String topicHelp(List<HelpLine> lines, Caller caller, String word) {
    Topic topic = Topic.of(word);
    if (topic == null) {
      return null;
    }
    List<HelpLine> mine =
        lines.stream().filter(l -> topicOf(l) == topic && caller.has(l.role())).toList();
    if (mine.isEmpty()) {
      return topic.emoji
          + " *"
          + topic.title
          + "* is for a Chief of Staff. Type `/cos help` to see what you can do.";
    }
    StringBuilder text = new StringBuilder(topic.emoji + " *" + topic.title + "*\n");
    appendLines(text, mine);
    return SlackText.cut(text + footer(caller, null), 3000);
  }

  /** "I don't know /cos stauts. Did you mean /cos status?" */
  public static String unknownCommand(String typed, String suggestion) {
    String shown = "`/cos " + SlackText.escapeAndCut(typed, 40).replace("`", "'") + "`";
    if (suggestion != null) {
      return "I don't know "
          + shown
          + ". Did you mean `/cos "
          + suggestion
          + "`?\nType `/cos help` to see everything you can do.";
    }
    return "I don't know " + shown + ". Type `/cos help` to see what you can do.";
  }

  /** Why {@code /cos …} did not fit its usage. */
  public enum Problem {
    MISSING,
    EXTRA,
    WRONG
  }

  /**
   * The usage of a subcommand after arguments that did not fit: what was wrong, a suggestion for a
   * mistyped word, and the lines to copy.
   */
  public static String usage(
      String name, Problem problem, String word, String suggestion, List<HelpLine> lines) {
    String mentioned = CommandText.userId(word);
    String w =
        mentioned != null && word.startsWith("<@")
            ? SlackText.mention(mentioned)
            : word == null ? "" : SlackText.escapeAndCut(word, 40).replace("`", "'");
    String first =
        switch (problem) {
          case MISSING -> "`/cos " + name + "` needs a little more.";
          case EXTRA -> "I didn't expect “" + w + "” there.";
          case WRONG ->
              suggestion != null
                  ? "I don't know “" + w + "” here. Did you mean `/cos " + suggestion + "`?"
                  : "“" + w + "” doesn't fit here.";
        };
    StringBuilder text = new StringBuilder(first).append(" Try:\n");
    appendLines(text, lines);
    return SlackText.cut(text.toString(), 3000);
  }

  /** When an unexpected error happened: a short reference the logs carry too. */
  public static String somethingWentWrong(String ref) {
    return "Sorry, something went wrong on my side (ref `"
        + ref
        + "`). Please try again in a moment.";
  }

  /**
   * The short guide for the Messages tab: what the bot is for and how to talk to it.
   *
   * @param helpAsked true when the person typed "help"
   */
  public static String messagesTabGuide(
      List<HelpLine> lines, Caller caller, String askWho, boolean helpAsked) {
    String intro =
        helpAsked
            ? ""
            : "I can't act on what is typed here, but the `/cos` command does everything.\n\n";
    return SlackText.cut(intro + shortHelp(lines, caller, askWho), 3000);
  }

  private static void appendLines(StringBuilder text, List<HelpLine> lines) {
    Set<String> seen = new LinkedHashSet<>();
    for (HelpLine line : lines) {
      if (seen.add(line.usage())) {
        text.append("• `")
            .append(line.usage())
            .append("` — ")
            .append(line.description())
            .append('\n');
      }
    }
  }

  static Topic topicOf(HelpLine line) {
    Topic t = Topic.of(Usage.parse(line.usage()).get(0).name);
    return t == null ? Topic.MORE : t;
  }

  /** {@code /cos admin add|remove @user} → {@code /cos admin add|remove}: the words to type. */
  static String head(String usage) {
    List<String> out = new ArrayList<>();
    for (String w : usage.trim().split("\\s+")) {
      if (w.startsWith("[")
          || w.startsWith("<")
          || w.startsWith("@")
          || w.startsWith("#")
          || w.startsWith("\"")
          || w.equals("|")) {
        break;
      }
      out.add(w);
    }
    return String.join(" ", out);
  }
}
