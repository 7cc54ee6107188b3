package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.cosbot.ingress.command.CosCommand;
import dev.cosbot.ingress.command.CosCommandRouter;
import dev.cosbot.ingress.command.CosSubcommand;
import dev.cosbot.ingress.command.HelpLine;
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
import org.jboss.logging.Logger;

/**
 * {@code /cos ask [question]} opens the ask form, {@code /cos ask vote} the voting board, {@code
 * /cos ask queue} the Chiefs of Staff's moderation queue.
 */
@ApplicationScoped
public class AskCommand implements CosSubcommand {
  private static final Logger LOG = Logger.getLogger(AskCommand.class);

  @Inject AskService questions;
  @Inject AskViews views;
  @Inject SignedMetadata signer;
  @Inject Instance<Meetings> meetings;
  @Inject Clock clock;
  @Inject AskConversations conversations;

  @Override
  public List<String> names() {
    return List.of("ask");
  }

  @Override
  public List<HelpLine> help() {
    return List.of(
        new HelpLine(
            "/cos ask [question]",
            "ask leadership a question, anonymously unless you choose to add your name",
            Role.MEMBER),
        new HelpLine(
            "/cos ask vote",
            "up-vote the questions you want answered at the all-hands",
            Role.MEMBER),
        new HelpLine(
            "/cos ask meeting <cadence> [off]",
            "make a meeting take questions: its reminders list the top ones",
            Role.ADMIN),
        new HelpLine(
            "/cos ask reply",
            "write to the anonymous writer of a survey comment; they can answer, still anonymous",
            Role.ADMIN),
        new HelpLine(
            "/cos ask queue",
            "review questions: approve, merge duplicates, suggest wording, decline, record answers",
            Role.ADMIN));
  }

  @Override
  public Response handle(CosCommand cmd, SlashCommandContext ctx) throws Exception {
    String first = cmd.arg(0).toLowerCase(Locale.ROOT);
    if (first.equals("meeting")) {
      return meeting(cmd, ctx);
    }
    if (first.equals("reply")) {
      if (!cmd.caller().isAdmin()) {
        return CosCommandRouter.ephemeral(ctx, AskMessages.ADMINS_ONLY);
      }
      var comments = conversations.replyable(100);
      if (comments.isEmpty()) {
        return CosCommandRouter.ephemeral(ctx, AskMessages.NOTHING_TO_REPLY);
      }
      return open(
          cmd, ctx, AskConversationBlocks.startFromComments(comments, signer.sign("comments")));
    }
    if (first.equals("queue") || first.equals("review")) {
      if (!cmd.caller().isAdmin()) {
        return CosCommandRouter.ephemeral(ctx, AskMessages.ADMINS_ONLY);
      }
      var blocks = AskBlocks.queue(questions.queue(), signer::signId);
      return ctx.ack(
          r -> r.responseType("ephemeral").text("Questions for leadership").blocks(blocks));
    }
    View view =
        first.equals("vote") || first.equals("board") || first.equals("list")
            ? views.board(cmd.caller().userId())
            : AskBlocks.askModal(cmd.rest());
    return open(cmd, ctx, view);
  }

  private Response open(CosCommand cmd, SlashCommandContext ctx, View view) throws Exception {
    var response = ctx.client().viewsOpen(r -> r.triggerId(cmd.triggerId()).view(view));
    if (!response.isOk()) {
      LOG.warnf("views.open for a question form failed: %s", response.getError());
      return CosCommandRouter.ephemeral(ctx, AskMessages.CANT_OPEN_FORM);
    }
    return ctx.ack();
  }

  private Response meeting(CosCommand cmd, SlashCommandContext ctx) {
    if (!cmd.caller().isAdmin()) {
      return CosCommandRouter.ephemeral(ctx, AskMessages.ADMINS_ONLY);
    }
    String name = cmd.restAfter(1);
    boolean off = false;
    if (name.toLowerCase(Locale.ROOT).endsWith(" off")) {
      off = true;
      name = name.substring(0, name.length() - 4).strip();
    }
    name = name.replace("\"", "").strip();
    if (name.isEmpty() || !meetings.isResolvable()) {
      return CosCommandRouter.ephemeral(ctx, AskMessages.MEETING_USAGE);
    }
    Optional<Meeting> next = meetings.get().next(cmd.caller(), name, clock.instant());
    if (next.isEmpty()) {
      return CosCommandRouter.ephemeral(
          ctx, AskMessages.noSuchMeeting(name, meetings.get().names(cmd.caller())));
    }
    questions.markMeeting(cmd.caller(), next.get().cadenceId(), !off);
    return CosCommandRouter.ephemeral(ctx, AskMessages.meetingMarked(next.get(), !off));
  }
}
