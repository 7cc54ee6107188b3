package dev.cosbot.digest;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.command.CosCommand;
import dev.cosbot.ingress.command.CosCommandRouter;
import dev.cosbot.ingress.command.CosSubcommand;
import dev.cosbot.ingress.command.HelpLine;
import dev.cosbot.platform.people.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/** {@code /cos digest preview|pin|mute|pins|clear|optin|optout}. */
@ApplicationScoped
public class DigestCommand implements CosSubcommand {
  static final String USAGE =
      "Usage: `/cos digest preview`, `/cos digest pin <item key or words>`, `/cos digest mute <item key or words>`,"
          + " `/cos digest pins`, `/cos digest clear`, `/cos digest optin`, `/cos digest optout`";

  @Inject DigestActions actions;

  @Override
  public List<String> names() {
    return List.of("digest");
  }

  @Override
  public List<HelpLine> help() {
    return List.of(
        new HelpLine("/cos digest today", "your digest as of now, by DM", Role.CXO),
        new HelpLine(
            "/cos digest preview",
            "the CXO's digest as it would be sent now, by DM to you",
            Role.ADMIN),
        new HelpLine(
            "/cos digest pin|mute <key or words>",
            "bring a line into, or keep it out of, the next digest",
            Role.ADMIN),
        new HelpLine(
            "/cos digest pins|clear",
            "see or clear the pins and mutes for the next digest",
            Role.ADMIN),
        new HelpLine(
            "/cos digest optin|optout", "your own, fuller digest each working day", Role.ADMIN));
  }

  @Override
  public Response handle(CosCommand cmd, SlashCommandContext ctx) {
    String action = cmd.arg(0).toLowerCase(Locale.ROOT);
    if (action.equals("today")) {
      actions.today(cmd.caller(), cmd.triggerId() == null ? "now" : cmd.triggerId());
      return ctx.ack();
    }
    String text =
        switch (action) {
          case "preview" ->
              DigestMessages.previewSent(
                  actions.preview(cmd.caller(), cmd.triggerId() == null ? "now" : cmd.triggerId()));
          case "pin" ->
              DigestMessages.overridden(
                  actions.override(cmd.caller(), DigestOverride.Kind.PIN, cmd.restAfter(1)));
          case "mute" ->
              DigestMessages.overridden(
                  actions.override(cmd.caller(), DigestOverride.Kind.MUTE, cmd.restAfter(1)));
          case "pins" -> DigestMessages.pending(actions.listOverrides(cmd.caller()));
          case "clear" -> DigestMessages.cleared(actions.clearOverrides(cmd.caller()));
          case "optin", "subscribe" ->
              DigestMessages.subscription(actions.subscribe(cmd.caller(), true));
          case "optout", "unsubscribe" ->
              DigestMessages.subscription(actions.subscribe(cmd.caller(), false));
          default -> USAGE;
        };
    return CosCommandRouter.ephemeral(ctx, text);
  }
}
