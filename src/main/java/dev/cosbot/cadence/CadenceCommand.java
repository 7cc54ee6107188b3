package dev.cosbot.cadence;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import dev.cosbot.ingress.command.CosCommand;
import dev.cosbot.ingress.command.CosCommandRouter;
import dev.cosbot.ingress.command.CosSubcommand;
import dev.cosbot.ingress.command.HelpLine;
import dev.cosbot.platform.people.Role;
import dev.cosbot.platform.support.NotAllowedException;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * {@code /cos cadence …}: create (modal), list, next, pause/resume/remove, skip a date, calendar
 * feed.
 */
@ApplicationScoped
public class CadenceCommand implements CosSubcommand {
  private static final Logger LOG = Logger.getLogger(CadenceCommand.class);
  static final String USAGE =
      "Usage: `/cos cadence new`, `/cos cadence list`, `/cos cadence next [n]`,"
          + " `/cos cadence pause|resume|remove <name>`, `/cos cadence skip <name> <YYYY-MM-DD>`, `/cos cadence feed [rotate]`";

  @Inject CadenceService cadences;
  @Inject CadenceSettings settings;

  @Override
  public List<String> names() {
    return List.of("cadence", "cadences");
  }

  @Override
  public List<HelpLine> help() {
    return List.of(
        new HelpLine("/cos cadence list", "the recurring meetings and processes", Role.MEMBER),
        new HelpLine(
            "/cos cadence next [n]", "what is coming up and which prep is not ready", Role.MEMBER),
        new HelpLine(
            "/cos cadence new", "create a cadence with reminders and a prep checklist", Role.ADMIN),
        new HelpLine(
            "/cos cadence pause|resume|remove <name>",
            "stop, restart or delete a cadence",
            Role.ADMIN),
        new HelpLine(
            "/cos cadence skip <name> <date>", "skip one occurrence (a holiday)", Role.ADMIN),
        new HelpLine(
            "/cos cadence feed [rotate]",
            "the calendar feed URL; rotate it if it leaked",
            Role.ADMIN));
  }

  @Override
  public Response handle(CosCommand cmd, SlashCommandContext ctx) throws Exception {
    String action = cmd.arg(0).toLowerCase(Locale.ROOT);
    List<String> rest =
        cmd.args().size() > 1 ? cmd.args().subList(1, cmd.args().size()) : List.of();
    String text;
    try {
      text =
          switch (action) {
            case "new", "create" -> {
              cmd.caller().requireAdmin();
              openModal(cmd, ctx);
              yield null;
            }
            case "list", "" -> CadenceBlocks.list(cadences.listFor(cmd.caller()));
            case "next" ->
                CadenceBlocks.next(
                    cadences.upcomingFor(cmd.caller(), count(cmd.arg(1))), cadences.now());
            case "pause" ->
                CadenceBlocks.paused(
                    cadences.setPaused(cmd.caller(), String.join(" ", rest), true));
            case "resume" ->
                CadenceBlocks.paused(
                    cadences.setPaused(cmd.caller(), String.join(" ", rest), false));
            case "remove", "delete" ->
                CadenceBlocks.removed(cadences.remove(cmd.caller(), String.join(" ", rest)));
            case "skip" -> skip(cmd, rest);
            case "feed" -> feed(cmd);
            default -> USAGE;
          };
    } catch (CadenceRefusal r) {
      throw r.reason() == CadenceRefusal.Reason.NOT_OWNER
          ? new NotAllowedException(CadenceBlocks.refusal(r))
          : new UserFacingException(CadenceBlocks.refusal(r));
    }
    return text == null ? ctx.ack() : CosCommandRouter.ephemeral(ctx, text);
  }

  private String skip(CosCommand cmd, List<String> rest) {
    if (rest.size() < 2) {
      throw new UserFacingException(CadenceBlocks.SKIP_USAGE);
    }
    LocalDate date;
    try {
      date = LocalDate.parse(rest.get(rest.size() - 1));
    } catch (DateTimeException e) {
      throw new UserFacingException(CadenceBlocks.SKIP_DATE);
    }
    return CadenceBlocks.skipped(
        cadences.skip(cmd.caller(), String.join(" ", rest.subList(0, rest.size() - 1)), date),
        date);
  }

  private String feed(CosCommand cmd) {
    cmd.caller().requireAdmin();
    boolean rotate = "rotate".equalsIgnoreCase(cmd.arg(1));
    String token = rotate ? cadences.rotateFeedToken(cmd.caller().userId()) : cadences.feedToken();
    String url = cadences.feedUrl(token);
    return (rotate
            ? "New calendar feed URL (the old one stopped working):\n"
            : "Calendar feed of upcoming occurrences — subscribe from Google Calendar or Outlook:\n")
        + "`"
        + url
        + "`"
        + (settings.publicUrl().isEmpty()
            ? "\n_Prefix it with cos-bot's public address (set COSBOT_PUBLIC_URL to show it here)._"
            : "")
        + "\nAnyone with this URL can read the schedule; `/cos cadence feed rotate` replaces it.";
  }

  private static int count(String arg) {
    if (arg == null || arg.isBlank()) {
      return 5;
    }
    try {
      return Math.max(1, Math.min(20, Integer.parseInt(arg.trim())));
    } catch (NumberFormatException e) {
      throw new UserFacingException("`/cos cadence next [n]` takes a number from 1 to 20.");
    }
  }

  private void openModal(CosCommand cmd, SlashCommandContext ctx) throws Exception {
    String zone = cadences.zoneOf(cmd.caller().userId());
    ViewsOpenResponse response =
        ctx.client()
            .viewsOpen(
                r ->
                    r.triggerId(cmd.triggerId())
                        .view(
                            CadenceBlocks.newCadenceModal(
                                cmd.caller().userId(),
                                zone,
                                CadenceBlocks.PREVIEW_HINT,
                                cadences.now())));
    if (!response.isOk()) {
      LOG.warnf("views.open for the new-cadence modal failed: %s", response.getError());
      throw new UserFacingException(
          "Slack did not open the form (" + response.getError() + "). Please try again.");
    }
  }
}
