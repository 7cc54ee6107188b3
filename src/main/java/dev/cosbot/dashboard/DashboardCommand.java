package dev.cosbot.dashboard;

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

/** {@code /cos dashboard}: a personal one-time sign-in link, shown only to the person who asked. */
@ApplicationScoped
public class DashboardCommand implements CosSubcommand {
  @Inject DashboardSignIn signIn;
  @Inject DashboardSettings settings;

  @Override
  public List<String> names() {
    return List.of("dashboard", "web");
  }

  @Override
  public List<HelpLine> help() {
    return List.of(
        new HelpLine(
            "/cos dashboard", "a personal link to the web dashboard (works once)", Role.MEMBER));
  }

  @Override
  public Response handle(CosCommand cmd, SlashCommandContext ctx) {
    String url = signIn.issueLink(cmd.caller().userId());
    return CosCommandRouter.ephemeral(
        ctx, DashboardMessages.link(url, settings.linkValidFor().toMinutes()));
  }
}
