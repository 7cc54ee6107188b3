package dev.cosbot.ingress.command;

import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Role;
import dev.cosbot.platform.support.SlackText;
import java.util.List;

/** The text of {@code /cos help}: only what the caller's roles allow, grouped by role. */
public final class HelpBlocks {
  private HelpBlocks() {}

  /** Help for the caller; {@code unknown} names a subcommand that does not exist (or null). */
  public static String helpText(List<HelpLine> lines, Caller caller, String unknown) {
    StringBuilder text = new StringBuilder();
    if (unknown != null) {
      text.append("I don't know `/cos ")
          .append(SlackText.escapeAndCut(unknown, 40))
          .append("`. Here is what you can do:\n\n");
    } else {
      text.append("*cos-bot* keeps the rhythm of the business. Here is what you can do:\n\n");
    }
    appendSection(text, lines, Role.MEMBER, "Everyone", caller);
    appendSection(text, lines, Role.CXO, "CXO", caller);
    appendSection(text, lines, Role.ADMIN, "Chiefs of Staff", caller);
    text.append("\nQuestions? Ask your Chief of Staff.");
    return SlackText.cut(text.toString(), 3000);
  }

  private static void appendSection(
      StringBuilder text, List<HelpLine> lines, Role role, String title, Caller caller) {
    if (!caller.has(role)) {
      return;
    }
    List<HelpLine> mine = lines.stream().filter(l -> l.role() == role).toList();
    if (mine.isEmpty()) {
      return;
    }
    if (role != Role.MEMBER) {
      text.append("*").append(title).append("*\n");
    }
    for (HelpLine line : mine) {
      text.append("• `")
          .append(line.usage())
          .append("` — ")
          .append(line.description())
          .append('\n');
    }
    text.append('\n');
  }
}
