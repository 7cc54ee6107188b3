package dev.cosbot.ingress.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import java.util.List;

/**
 * A {@code /cos <name> …} subcommand provided by a feature. The router parses the text, works out
 * the caller's roles and turns refusals and errors into friendly answers; the subcommand checks
 * what it needs ({@code cmd.caller().requireAdmin()}) and acks.
 */
public interface CosSubcommand {
  /** The words this subcommand answers to (first word after /cos), e.g. {@code admin}. */
  List<String> names();

  /** Its lines in {@code /cos help}. */
  List<HelpLine> help();

  Response handle(CosCommand cmd, SlashCommandContext ctx) throws Exception;
}
