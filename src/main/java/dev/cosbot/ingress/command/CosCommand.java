package dev.cosbot.ingress.command;

import dev.cosbot.platform.people.Caller;
import java.util.List;

/**
 * One {@code /cos} invocation, parsed: the subcommand name, its arguments, and who called it.
 *
 * @param args words after the subcommand name (quoted phrases kept together)
 * @param rest the raw text after the subcommand name
 */
public record CosCommand(
    String name,
    List<String> args,
    String rest,
    Caller caller,
    String channelId,
    String triggerId) {

  public String arg(int index) {
    return index < args.size() ? args.get(index) : "";
  }

  /** The raw text after the first {@code n} arguments. */
  public String restAfter(int n) {
    String text = rest;
    for (int i = 0; i < n && i < args.size(); i++) {
      int at = text.indexOf(args.get(i));
      if (at >= 0) {
        text = text.substring(at + args.get(i).length());
      }
      text = text.stripLeading();
      if (text.startsWith("\"")) {
        text = text.substring(1).stripLeading();
      }
    }
    return text.trim();
  }
}
