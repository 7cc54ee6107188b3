package dev.cosbot.ingress.command;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ReplayClaim;
import dev.cosbot.ingress.SlackListeners;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
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

  @Override
  public void register(App app) {
    help.add(
        new HelpLine(
            "/cos help", "what you can do with cos-bot", dev.cosbot.platform.people.Role.MEMBER));
    for (CosSubcommand sub : subcommands) {
      sub.names().forEach(n -> byName.put(n.toLowerCase(Locale.ROOT), sub));
      help.addAll(sub.help());
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

  Response route(
      String text, String userId, String channelId, String triggerId, SlashCommandContext ctx) {
    List<String> words = CommandText.words(text);
    Caller caller = roles.of(userId);
    if (words.isEmpty() || words.get(0).equalsIgnoreCase("help")) {
      ReplayClaim.noEffect();
      return ephemeral(ctx, HelpBlocks.helpText(help, caller, null));
    }
    String name = words.get(0).toLowerCase(Locale.ROOT);
    CosSubcommand sub = byName.get(name);
    if (sub == null) {
      ReplayClaim.noEffect();
      return ephemeral(ctx, HelpBlocks.helpText(help, caller, words.get(0)));
    }
    String trimmed = text.trim();
    String rest =
        trimmed.length() > words.get(0).length()
            ? trimmed.substring(trimmed.indexOf(words.get(0)) + words.get(0).length()).trim()
            : "";
    CosCommand cmd =
        new CosCommand(name, words.subList(1, words.size()), rest, caller, channelId, triggerId);
    try {
      return sub.handle(cmd, ctx);
    } catch (UserFacingException e) {
      return ephemeral(ctx, e.getMessage());
    } catch (Exception e) {
      String ref = UUID.randomUUID().toString().substring(0, 8);
      LOG.errorf(e, "/cos %s failed (ref %s)", name, ref);
      return ephemeral(
          ctx,
          "Sorry, something went wrong on my side (ref `"
              + ref
              + "`). Please try again in a moment.");
    }
  }

  /** An ephemeral answer visible only to the person who typed the command. */
  public static Response ephemeral(SlashCommandContext ctx, String text) {
    return ctx.ack(r -> r.responseType("ephemeral").text(text));
  }
}
