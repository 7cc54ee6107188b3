package dev.cosbot.decision;

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
import org.jboss.logging.Logger;

/**
 * {@code /cos decision [question]} opens the ask modal; {@code /cos decisions [open|all]} shows the
 * log.
 */
@ApplicationScoped
public class DecisionCommand implements CosSubcommand {
  private static final Logger LOG = Logger.getLogger(DecisionCommand.class);
  static final int LOG_LINES = 15;

  @Inject DecisionService decisions;

  @Override
  public List<String> names() {
    return List.of("decision", "decisions");
  }

  @Override
  public List<HelpLine> help() {
    return List.of(
        new HelpLine(
            "/cos decision [question]",
            "ask the CXO for a decision; you are told the answer",
            Role.MEMBER),
        new HelpLine(
            "/cos decisions [open]",
            "the decision log (yours; everything for the CXO and Chiefs of Staff)",
            Role.MEMBER));
  }

  @Override
  public Response handle(CosCommand cmd, SlashCommandContext ctx) throws Exception {
    if ("decision".equals(cmd.name()) && !"log".equalsIgnoreCase(cmd.arg(0))) {
      var response =
          ctx.client()
              .viewsOpen(
                  r ->
                      r.triggerId(cmd.triggerId())
                          .view(
                              DecisionViews.askModal(
                                  cmd.rest(), decisions.today(cmd.caller().userId()).plusDays(3))));
      if (!response.isOk()) {
        LOG.warnf("views.open for the decision modal failed: %s", response.getError());
        return CosCommandRouter.ephemeral(ctx, DecisionMessages.FORM_FAILED);
      }
      return ctx.ack();
    }
    DecisionStatus filter = "open".equalsIgnoreCase(cmd.arg(0)) ? DecisionStatus.OPEN : null;
    List<Decision> log = decisions.log(cmd.caller(), filter, LOG_LINES);
    return CosCommandRouter.ephemeral(
        ctx,
        DecisionMessages.log(log, filter != null, cmd.caller().isAdmin() || cmd.caller().isCxo()));
  }
}
