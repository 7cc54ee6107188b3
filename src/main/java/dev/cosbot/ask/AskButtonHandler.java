package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import dev.cosbot.ingress.Clicker;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The buttons of questions to leadership (Home, cards, notes): acked at once; each opens its form,
 * approves, or opens a sealed note for its asker. Nothing here answers through the outbox with a
 * question in it, so a click leaves no stored trace linking a person to a question.
 */
@ApplicationScoped
public class AskButtonHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject AskService questions;
  @Inject AskViews views;
  @Inject AskConversations conversations;
  @Inject Roles roles;
  @Inject SignedMetadata signer;

  @ConfigProperty(name = "cosbot.ask.answers-channel")
  Optional<String> answersChannel;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    Clicker clicker = Clicker.of(req);
    return afterAck.ackThen(ctx::ack, clicker, () -> work(clicker));
  }

  private Answer work(Clicker clicker) {
    String user = clicker.userId();
    switch (clicker.actionId()) {
      case AskIds.Actions.OPEN_ASK:
        return Answer.open(AskBlocks.askModal(null));
      case AskIds.Actions.OPEN_BOARD:
        return Answer.open(views.board(user));
      case AskIds.Actions.READ_NOTE:
        Optional<AskConversations.Thread> thread = conversations.forWriter(user, clicker.value());
        if (thread.isPresent()) {
          return Answer.open(
              AskConversationBlocks.forWriter(
                  thread.get(), signer.signId(thread.get().conversation().id)));
        }
        return questions
            .note(user, clicker.value())
            .map(n -> Answer.open(AskBlocks.noteView(n, signer.signId(n.question().id))))
            .orElseThrow(() -> new UserFacingException(AskMessages.NOT_YOURS));
      default:
        break;
    }
    Caller caller = roles.of(user);
    caller.requireAdmin();
    long id = signer.id(clicker.value()).orElse(-1);
    if (clicker.actionId().equals(AskIds.Actions.COS_REPLY)) {
      return Answer.open(
          AskConversationBlocks.forCos(conversations.forCos(caller, id), signer.signId(id)));
    }
    AskQuestion q = questions.find(id).orElseThrow(() -> new UserFacingException(AskMessages.GONE));
    String meta = signer.signId(q.id);
    View view =
        switch (clicker.actionId()) {
          case AskIds.Actions.APPROVE -> {
            questions.approve(caller, id);
            yield null;
          }
          case AskIds.Actions.MERGE -> AskBlocks.mergeModal(q, questions.mergeTargets(id), meta);
          case AskIds.Actions.EDIT -> AskBlocks.editModal(q, meta);
          case AskIds.Actions.DECLINE -> AskBlocks.declineModal(q, meta);
          case AskIds.Actions.REPLY_TO_ASKER ->
              AskConversationBlocks.startFromQuestion(q, signer.sign("q:" + q.id));
          case AskIds.Actions.ANSWER ->
              AskBlocks.answerModal(q, questions.votes(id), answersChannel.orElse(null), meta);
          default -> throw new UserFacingException(AskMessages.GONE);
        };
    if (view != null
        && q.status != AskStatus.PENDING
        && !clicker.actionId().equals(AskIds.Actions.ANSWER)
        && !clicker.actionId().equals(AskIds.Actions.REPLY_TO_ASKER)) {
      throw new UserFacingException(AskMessages.alreadyModerated(q.status));
    }
    if (clicker.actionId().equals(AskIds.Actions.ANSWER) && q.status != AskStatus.OPEN) {
      throw new UserFacingException(AskMessages.NOT_OPEN);
    }
    return view == null ? Answer.NONE : Answer.open(view);
  }
}
