package dev.cosbot.agenda;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.cosbot.ingress.command.CosCommand;
import dev.cosbot.ingress.command.CosCommandRouter;
import dev.cosbot.ingress.command.CosSubcommand;
import dev.cosbot.ingress.command.HelpLine;
import dev.cosbot.platform.people.PersonCheck;
import dev.cosbot.platform.people.Role;
import dev.cosbot.platform.spi.Meeting;
import dev.cosbot.platform.spi.Meetings;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * {@code /cos agenda add|length|covered|show "<meeting>"}: the agenda of a meeting's next
 * occurrence.
 */
@ApplicationScoped
public class AgendaCommand implements CosSubcommand {
  private static final Logger LOG = Logger.getLogger(AgendaCommand.class);
  private static final Pattern MENTION = Pattern.compile("^<@([UW][A-Z0-9]+)(\\|[^>]*)?>$");

  @Inject AgendaService agendas;
  @Inject Instance<Meetings> meetings;
  @Inject SignedMetadata signer;
  @Inject PersonCheck people;
  @Inject Clock clock;

  @Override
  public List<String> names() {
    return List.of("agenda");
  }

  @Override
  public List<HelpLine> help() {
    return List.of(
        new HelpLine(
            "/cos agenda add [\"meeting\"] [owner @person]",
            "add an item (owner, minutes) to a meeting's next agenda",
            Role.MEMBER),
        new HelpLine(
            "/cos agenda \"meeting\"", "the agenda of a meeting's next occurrence", Role.MEMBER),
        new HelpLine(
            "/cos agenda length \"meeting\" 30",
            "how long the meeting is, so its agenda is checked against it",
            Role.ADMIN),
        new HelpLine(
            "/cos agenda covered \"meeting\"",
            "tick off what was covered; the rest rolls over",
            Role.ADMIN));
  }

  @Override
  public Response handle(CosCommand cmd, SlashCommandContext ctx) throws Exception {
    if (!meetings.isResolvable()) {
      return CosCommandRouter.ephemeral(ctx, AgendaMessages.NO_MEETINGS);
    }
    String action = cmd.arg(0).toLowerCase(Locale.ROOT);
    switch (action) {
      case "add" -> {
        List<String> names = meetings.get().names(cmd.caller());
        if (names.isEmpty()) {
          return CosCommandRouter.ephemeral(ctx, AgendaMessages.NO_MEETINGS);
        }
        int ownerAt = cmd.args().indexOf("owner");
        String owner = cmd.caller().userId();
        if (ownerAt > 0) {
          Matcher named = MENTION.matcher(cmd.arg(ownerAt + 1));
          if (!named.matches()) {
            return CosCommandRouter.ephemeral(ctx, AgendaMessages.OWNER_MENTION);
          }
          owner = named.group(1);
          if (people.exists(owner) == PersonCheck.Known.NO) {
            return CosCommandRouter.ephemeral(
                ctx, PersonCheck.unknownPerson(owner, AgendaMessages.OWNER_EXAMPLE));
          }
        }
        String name = ownerAt == 1 ? "" : cmd.arg(1);
        if (name.isEmpty()) {
          return open(ctx, cmd, AgendaBlocks.addModal(names, null, owner, ""));
        }
        Optional<Meeting> m = meetings.get().next(cmd.caller(), name, clock.instant());
        if (m.isEmpty()) {
          return CosCommandRouter.ephemeral(ctx, AgendaMessages.noSuchMeeting(name, names));
        }
        return open(
            ctx,
            cmd,
            AgendaBlocks.addModal(
                names, m.get().name(), owner, signer.signId(m.get().cadenceId())));
      }
      case "length", "covered", "show" -> {
        Optional<Meeting> m = meeting(cmd.arg(1), cmd, ctx);
        if (m.isEmpty()) {
          return CosCommandRouter.ephemeral(ctx, unknown(cmd.arg(1), cmd));
        }
        if (action.equals("length")) {
          int minutes;
          try {
            minutes = Integer.parseInt(cmd.arg(2).replaceAll("(?i)\\s*(min|minutes|m)$", ""));
          } catch (NumberFormatException e) {
            return CosCommandRouter.ephemeral(ctx, AgendaMessages.LENGTH_NEEDED);
          }
          if (minutes < 5 || minutes > 1440) {
            return CosCommandRouter.ephemeral(ctx, AgendaMessages.LENGTH_NEEDED);
          }
          agendas.setLength(cmd.caller(), m.get(), minutes);
          return CosCommandRouter.ephemeral(ctx, AgendaMessages.lengthSet(m.get().name(), minutes));
        }
        Optional<AgendaService.Agenda> agenda = agendas.agenda(m.get());
        if (action.equals("covered")) {
          if (!cmd.caller().isAdmin() && !cmd.caller().userId().equals(m.get().ownerId())) {
            return CosCommandRouter.ephemeral(ctx, AgendaMessages.OWNER_ONLY);
          }
          if (agenda.isEmpty() || agenda.get().items().isEmpty()) {
            return CosCommandRouter.ephemeral(ctx, AgendaMessages.NOTHING_TO_COVER);
          }
          return open(
              ctx,
              cmd,
              AgendaBlocks.coveredModal(agenda.get(), signer.signId(m.get().cadenceId())));
        }
        return CosCommandRouter.ephemeral(
            ctx, agenda.map(AgendaBlocks::agendaText).orElse(AgendaMessages.NOTHING_TO_COVER));
      }
      default -> {
        if (action.isEmpty()) {
          return CosCommandRouter.ephemeral(ctx, AgendaMessages.USAGE);
        }
        // "/cos agenda Staff meeting": show it.
        Optional<Meeting> m = meeting(cmd.rest().replace("\"", "").strip(), cmd, ctx);
        if (m.isEmpty()) {
          return CosCommandRouter.ephemeral(ctx, AgendaMessages.USAGE);
        }
        return CosCommandRouter.ephemeral(
            ctx,
            agendas
                .agenda(m.get())
                .map(AgendaBlocks::agendaText)
                .orElse(AgendaMessages.NOTHING_TO_COVER));
      }
    }
  }

  private Optional<Meeting> meeting(String name, CosCommand cmd, SlashCommandContext ctx) {
    return name.isBlank()
        ? Optional.empty()
        : meetings.get().next(cmd.caller(), name, clock.instant());
  }

  private String unknown(String name, CosCommand cmd) {
    return name.isBlank()
        ? AgendaMessages.USAGE
        : AgendaMessages.noSuchMeeting(name, meetings.get().names(cmd.caller()));
  }

  private Response open(SlashCommandContext ctx, CosCommand cmd, View view) throws Exception {
    var response = ctx.client().viewsOpen(r -> r.triggerId(cmd.triggerId()).view(view));
    if (!response.isOk()) {
      LOG.warnf("views.open for an agenda form failed: %s", response.getError());
      return CosCommandRouter.ephemeral(ctx, AgendaMessages.CANT_OPEN_FORM);
    }
    return ctx.ack();
  }
}
