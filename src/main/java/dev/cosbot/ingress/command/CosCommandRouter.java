package dev.cosbot.ingress.command;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ReplayClaim;
import dev.cosbot.ingress.SlackListeners;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Role;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SlackText;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Routes {@code /cos …} to the feature that owns the subcommand, answers {@code /cos help} with
 * what the caller may do, and turns refusals and unexpected errors into a friendly ephemeral reply.
 */
@ApplicationScoped
public class CosCommandRouter implements SlackListeners {
  public static final String COMMAND = "/cos";
  private static final Logger LOG = Logger.getLogger(CosCommandRouter.class);

  @Inject @Any Instance<CosSubcommand> subcommands;
  @Inject Roles roles;

  private final Map<String, CosSubcommand> byName = new HashMap<>();
  private final List<HelpLine> help = new ArrayList<>();
  private final Map<String, List<Usage>> usages = new HashMap<>();

  @Override
  public void register(App app) {
    help.add(new HelpLine("/cos help [topic]", "what you can do with cos-bot", Role.MEMBER));
    for (CosSubcommand sub : subcommands) {
      sub.names().forEach(n -> byName.put(n.toLowerCase(Locale.ROOT), sub));
      help.addAll(sub.help());
    }
    for (HelpLine line : help) {
      for (Usage u : Usage.parse(line.usage())) {
        usages.computeIfAbsent(u.name, n -> new ArrayList<>()).add(u);
      }
    }
    app.command(
        COMMAND,
        (req, ctx) ->
            route(
                req.getPayload().getText(),
                req.getPayload().getUserId(),
                req.getPayload().getChannelId(),
                req.getPayload().getTriggerId(),
                ctx));
  }

  /** Every help line, for other places that explain cos-bot (the Messages tab). */
  public List<HelpLine> helpLines() {
    return List.copyOf(help);
  }

  /** Who to ask: the Chiefs of Staff as mentions (at most two), or null when none is known. */
  public String askWho() {
    AskWho cached = askWho;
    long now = System.nanoTime();
    if (cached == null || now - cached.at() > ASK_WHO_TTL_NANOS) {
      List<String> admins;
      try {
        admins = roles.admins().stream().sorted().limit(2).toList();
      } catch (RuntimeException databaseDown) {
        // Help still answers while the database is away; it just can't name anyone.
        return cached == null ? null : cached.text();
      }
      cached =
          new AskWho(
              admins.isEmpty()
                  ? null
                  : admins.stream().map(SlackText::mention).collect(Collectors.joining(" or ")),
              now);
      askWho = cached;
    }
    return cached.text();
  }

  /** Help is answered often; who the Chiefs of Staff are changes rarely (read once a minute). */
  private static final long ASK_WHO_TTL_NANOS = 60_000_000_000L;

  private record AskWho(String text, long at) {}

  private volatile AskWho askWho;

  /**
   * Runs {@code /cos text} for {@code userId} outside a slash command (a Home button): the same
   * routing, role checks, usage and answers.
   */
  public Response run(String text, String userId, String triggerId, SlashCommandContext ctx) {
    return route(text, userId, userId, triggerId, ctx);
  }

  Response route(
      String text, String userId, String channelId, String triggerId, SlashCommandContext ctx) {
    List<String> words = CommandText.words(text);
    Caller caller = roles.of(userId);
    if (words.isEmpty()) {
      ReplayClaim.noEffect();
      return ephemeral(ctx, HelpBlocks.shortHelp(help, caller, askWho()));
    }
    String name = words.get(0).toLowerCase(Locale.ROOT);
    List<String> args = words.subList(1, words.size());
    if (name.equals("help")) {
      ReplayClaim.noEffect();
      return ephemeral(ctx, help(caller, args));
    }
    CosSubcommand sub = byName.get(name);
    if (sub == null) {
      ReplayClaim.noEffect();
      return ephemeral(
          ctx, HelpBlocks.unknownCommand(words.get(0), Suggest.closest(name, knownNames())));
    }
    String misfit = misfit(name, args, caller);
    if (misfit != null) {
      ReplayClaim.noEffect();
      return ephemeral(ctx, misfit);
    }
    String trimmed = text.trim();
    String rest =
        trimmed.length() > words.get(0).length()
            ? trimmed.substring(trimmed.indexOf(words.get(0)) + words.get(0).length()).trim()
            : "";
    CosCommand cmd = new CosCommand(name, args, rest, caller, channelId, triggerId);
    try {
      return sub.handle(cmd, ctx);
    } catch (UserFacingException e) {
      return ephemeral(ctx, e.getMessage());
    } catch (Exception e) {
      String ref = UUID.randomUUID().toString().substring(0, 8);
      LOG.errorf(e, "/cos %s failed (ref %s)", name, ref);
      return ephemeral(ctx, HelpBlocks.somethingWentWrong(ref));
    }
  }

  private String help(Caller caller, List<String> args) {
    if (args.isEmpty()) {
      return HelpBlocks.shortHelp(help, caller, askWho());
    }
    String word = args.get(0).toLowerCase(Locale.ROOT);
    String topic = HelpBlocks.topicHelp(help, caller, word);
    if (topic != null) {
      return topic;
    }
    List<String> known = new ArrayList<>(knownNames());
    for (HelpBlocks.Topic t : HelpBlocks.Topic.values()) {
      known.addAll(t.words);
    }
    String suggestion = Suggest.closest(word, known);
    return HelpBlocks.unknownCommand(
        "help " + args.get(0), suggestion == null ? null : "help " + suggestion);
  }

  private List<String> knownNames() {
    List<String> names = new ArrayList<>(byName.keySet());
    names.add("help");
    return names;
  }

  /**
   * Null when {@code args} fit one of the subcommand's usages (or the caller may use none of them,
   * so the feature refuses politely); otherwise the usage to answer with. Arguments are never
   * passed on as data when they do not fit.
   */
  private String misfit(String name, List<String> args, Caller caller) {
    List<Usage> patterns = usages.getOrDefault(name, List.of());
    if (patterns.isEmpty() || patterns.stream().anyMatch(u -> u.matches(args))) {
      return null;
    }
    List<HelpLine> lines =
        help.stream()
            .filter(l -> caller.has(l.role()))
            .filter(l -> Usage.parse(l.usage()).stream().anyMatch(u -> u.name.equals(name)))
            .toList();
    if (lines.isEmpty()) {
      return null;
    }
    if (args.isEmpty()) {
      return HelpBlocks.usage(name, HelpBlocks.Problem.MISSING, null, null, lines);
    }
    String first = args.get(0).toLowerCase(Locale.ROOT);
    java.util.Set<String> verbs = new java.util.LinkedHashSet<>();
    patterns.forEach(u -> verbs.addAll(u.firstWords()));
    boolean valueFirst = patterns.stream().anyMatch(Usage::startsWithValue);
    if (!verbs.contains(first) && !valueFirst) {
      String close = Suggest.closest(first, verbs);
      return HelpBlocks.usage(
          name,
          HelpBlocks.Problem.WRONG,
          args.get(0),
          close == null ? null : name + " " + close,
          lines);
    }
    List<HelpLine> forVerb =
        lines.stream()
            .filter(
                l ->
                    Usage.parse(l.usage()).stream()
                        .anyMatch(u -> u.name.equals(name) && u.firstWords().contains(first)))
            .toList();
    List<HelpLine> shown = forVerb.isEmpty() ? lines : forVerb;
    for (int k = args.size() - 1; k >= 1; k--) {
      List<String> prefix = args.subList(0, k);
      if (patterns.stream().anyMatch(u -> u.matches(prefix))) {
        return HelpBlocks.usage(name, HelpBlocks.Problem.EXTRA, args.get(k), null, shown);
      }
    }
    List<String> longer = new ArrayList<>(args);
    longer.add("<@U0SOMEONE>");
    boolean missing = patterns.stream().anyMatch(u -> u.matches(longer));
    longer.set(longer.size() - 1, "1");
    missing |= patterns.stream().anyMatch(u -> u.matches(longer));
    longer.set(longer.size() - 1, "<#C0SOMEWHERE>");
    missing |= patterns.stream().anyMatch(u -> u.matches(longer));
    return HelpBlocks.usage(
        name,
        missing ? HelpBlocks.Problem.MISSING : HelpBlocks.Problem.WRONG,
        args.get(args.size() - 1),
        null,
        shown);
  }

  /** An ephemeral answer visible only to the person who typed the command. */
  public static Response ephemeral(SlashCommandContext ctx, String text) {
    return ctx.ack(r -> r.responseType("ephemeral").text(text));
  }
}
