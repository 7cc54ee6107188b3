package dev.cosbot.ingress.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A help line's usage read as a pattern, so that {@code /cos help} and argument checking never
 * disagree: {@code /cos admin add|remove @user}, {@code /cos cadence next [n]}, {@code /cos route
 * add area "Security" owner @user [channel #ch]}. Literal words must match (one of {@code a|b}),
 * {@code @user} wants a mention, {@code #ch} a channel, {@code n} a number, and any other
 * placeholder ({@code <name>}, {@code [question]}, {@code "Security"}) one or more words of text.
 */
final class Usage {
  /** Words in brackets that stand for a value rather than a literal keyword. */
  private static final Set<String> PLACEHOLDERS =
      Set.of(
          "text",
          "question",
          "team",
          "initiative",
          "area",
          "name",
          "date",
          "id",
          "key",
          "words",
          "survey",
          "cadence",
          "title",
          "reason",
          "message",
          "user",
          "channel",
          "time",
          "number");

  private sealed interface Token permits Literal, UserRef, ChannelRef, Number, Text, Optional {}

  private record Literal(Set<String> words) implements Token {}

  private record UserRef() implements Token {}

  private record ChannelRef() implements Token {}

  private record Number() implements Token {}

  private record Text() implements Token {}

  private record Optional(List<Token> tokens) implements Token {}

  /** The subcommand name (first word after {@code /cos}). */
  final String name;

  private final List<Token> tokens;

  private Usage(String name, List<Token> tokens) {
    this.name = name;
    this.tokens = tokens;
  }

  /** The patterns of one usage text ({@code "/cos route list | remove <n>"} gives two). */
  static List<Usage> parse(String usage) {
    String text = usage.trim();
    if (text.startsWith("/cos")) {
      text = text.substring(4).trim();
    }
    int space = text.indexOf(' ');
    String name = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
    String rest = space < 0 ? "" : text.substring(space + 1).trim();
    List<Usage> out = new ArrayList<>();
    for (String alternative : rest.split("\\s+\\|\\s+")) {
      out.add(new Usage(name, keywordsLeftToFeature(tokens(alternative))));
    }
    return out;
  }

  private static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '[') {
        int end = closing(text, i, '[', ']');
        List<Token> inner = tokens(text.substring(i + 1, end));
        tokens.add(new Optional(inner.isEmpty() ? List.of(new Text()) : inner));
        i = end + 1;
      } else if (c == '<') {
        int end = closing(text, i, '<', '>');
        tokens.add(word(text.substring(i, end + 1)));
        i = end + 1;
      } else if (c == '"') {
        int end = text.indexOf('"', i + 1);
        end = end < 0 ? text.length() - 1 : end;
        tokens.add(new Text());
        i = end + 1;
      } else {
        int end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        tokens.add(word(text.substring(i, end)));
        i = end;
      }
    }
    return tokens;
  }

  /**
   * A usage with keywords after its verb ({@code add area "X" owner @user [channel #ch]}) is a
   * small language of its own that the feature parses and explains: only its verb is checked here.
   */
  private static List<Token> keywordsLeftToFeature(List<Token> tokens) {
    for (int i = 1; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      boolean keyword =
          t instanceof Literal
              || (t instanceof Optional o
                  && o.tokens().size() > 1
                  && o.tokens().get(0) instanceof Literal);
      if (keyword) {
        return List.of(tokens.get(0), new Optional(List.of(new Text())));
      }
    }
    return tokens;
  }

  private static int closing(String text, int from, char open, char close) {
    int depth = 0;
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) == open) {
        depth++;
      } else if (text.charAt(i) == close && --depth == 0) {
        return i;
      }
    }
    return text.length() - 1;
  }

  /** One word of a usage: {@code @user}, {@code #ch}, {@code n}, {@code <name>}, {@code a|b}. */
  private static Token word(String w) {
    if (w.startsWith("@")) {
      return new UserRef();
    }
    if (w.startsWith("#")) {
      return new ChannelRef();
    }
    if (w.startsWith("<")) {
      String inner = w.substring(1, w.length() - 1).trim().toLowerCase(Locale.ROOT);
      return inner.equals("n") ? new Number() : new Text();
    }
    if (w.equals("n")) {
      return new Number();
    }
    Set<String> words = new java.util.LinkedHashSet<>();
    boolean placeholder = false;
    for (String alt : w.split("\\|")) {
      if (alt.startsWith("<") || alt.startsWith("\"")) {
        placeholder = true;
      } else if (!alt.isBlank()) {
        String lower = alt.toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.contains(lower)) {
          placeholder = true;
        }
        words.add(lower);
      }
    }
    if (placeholder) {
      return new Text();
    }
    return new Literal(words);
  }

  /** True when {@code args} (the words after the subcommand name) fit this pattern. */
  boolean matches(List<String> args) {
    return match(tokens, 0, args, 0);
  }

  /** The literal words this pattern accepts first, or an empty set if it starts with a value. */
  Set<String> firstWords() {
    if (tokens.isEmpty()) {
      return Set.of();
    }
    Token first = tokens.get(0);
    if (first instanceof Optional o && !o.tokens().isEmpty()) {
      first = o.tokens().get(0);
    }
    return first instanceof Literal l ? l.words() : Set.of();
  }

  /** True when the first word this pattern wants is a value, not a keyword (or nothing at all). */
  boolean startsWithValue() {
    if (tokens.isEmpty()) {
      return false;
    }
    Token first = tokens.get(0);
    if (first instanceof Optional o) {
      return !o.tokens().isEmpty() && !(o.tokens().get(0) instanceof Literal);
    }
    return !(first instanceof Literal);
  }

  private static boolean match(List<Token> tokens, int t, List<String> args, int a) {
    if (t == tokens.size()) {
      return a == args.size();
    }
    Token token = tokens.get(t);
    if (token instanceof Optional o) {
      List<Token> with = new ArrayList<>(o.tokens());
      with.addAll(tokens.subList(t + 1, tokens.size()));
      return match(with, 0, args, a) || match(tokens, t + 1, args, a);
    }
    if (a == args.size()) {
      return false;
    }
    String arg = args.get(a);
    if (token instanceof Literal l) {
      return l.words().contains(arg.toLowerCase(Locale.ROOT)) && match(tokens, t + 1, args, a + 1);
    }
    if (token instanceof UserRef) {
      return CommandText.userId(arg) != null && match(tokens, t + 1, args, a + 1);
    }
    if (token instanceof ChannelRef) {
      return CommandText.channelId(arg) != null && match(tokens, t + 1, args, a + 1);
    }
    if (token instanceof Number) {
      return arg.matches("#?\\d{1,9}") && match(tokens, t + 1, args, a + 1);
    }
    for (int end = a + 1; end <= args.size(); end++) {
      if (match(tokens, t + 1, args, end)) {
        return true;
      }
    }
    return false;
  }
}
