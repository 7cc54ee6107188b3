package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The forms of questions to leadership: field errors in place; otherwise the change is made and the
 * modal is replaced by a short confirmation (an answer that passes no message through the outbox,
 * so asking or voting leaves no stored trace of who did it).
 */
@ApplicationScoped
public class AskFormHandler implements ViewSubmissionHandler {
  @Inject AskService questions;
  @Inject AskViews views;
  @Inject AskConversations conversations;
  @Inject Roles roles;
  @Inject SignedMetadata signer;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    String user = req.getPayload().getUser().getId();
    View submitted = req.getPayload().getView();
    ModalState form = ModalState.of(submitted);
    String metadata = submitted.getPrivateMetadata();
    try {
      return switch (submitted.getCallbackId()) {
        case AskIds.Callbacks.ASK -> ask(user, form, ctx);
        case AskIds.Callbacks.VOTE -> vote(user, form, metadata, ctx);
        case AskIds.Callbacks.CONSENT -> consent(user, form, metadata, ctx);
        case AskIds.Callbacks.CONVERSATION_WRITER -> writer(user, form, metadata, ctx);
        default -> moderate(roles.of(user), submitted.getCallbackId(), form, metadata, ctx);
      };
    } catch (UserFacingException e) {
      return update(ctx, AskBlocks.message(e.getMessage()));
    }
  }

  private Response ask(String user, ModalState form, ViewSubmissionContext ctx) {
    String text = form.text(AskIds.Blocks.QUESTION);
    Optional<String> problem = textProblem(text);
    if (problem.isPresent()) {
      return ctx.ackWithErrors(Map.of(AskIds.Blocks.QUESTION, problem.get()));
    }
    if (questions.overHourlyLimit(user)) {
      return ctx.ackWithErrors(Map.of(AskIds.Blocks.QUESTION, AskMessages.OVER_LIMIT));
    }
    boolean named = form.options(AskIds.Blocks.NAMED).contains(AskBlocks.NAMED);
    questions.ask(user, text, named);
    return update(ctx, AskBlocks.sentView(named));
  }

  private Response vote(String user, ModalState form, String metadata, ViewSubmissionContext ctx) {
    Set<Long> shown = views.shown(metadata);
    Set<Long> chosen = new HashSet<>();
    for (long id : shown) {
      if (!form.options(AskIds.Blocks.VOTE_PREFIX + id).isEmpty()) {
        chosen.add(id);
      }
    }
    int count = questions.vote(user, shown, chosen);
    return update(ctx, AskBlocks.votedView(count));
  }

  private Response consent(
      String user, ModalState form, String metadata, ViewSubmissionContext ctx) {
    long id = signer.id(metadata).orElse(-1);
    boolean accept = AskBlocks.ACCEPT.equals(form.option(AskIds.Blocks.CONSENT));
    questions.consent(user, id, accept);
    return update(ctx, AskBlocks.consentDone(accept));
  }

  private Response writer(
      String user, ModalState form, String metadata, ViewSubmissionContext ctx) {
    long id = signer.id(metadata).orElse(-1);
    String text = form.text(AskIds.Blocks.MESSAGE);
    boolean close = form.options(AskIds.Blocks.CLOSE).contains(AskConversationBlocks.CLOSE);
    if (text == null && !close) {
      return ctx.ackWithErrors(Map.of(AskIds.Blocks.MESSAGE, AskMessages.MESSAGE_OR_CLOSE));
    }
    conversations.writerReply(user, id, text, close);
    return update(ctx, AskConversationBlocks.sent(false, close));
  }

  private Response moderate(
      Caller caller,
      String callbackId,
      ModalState form,
      String metadata,
      ViewSubmissionContext ctx) {
    caller.requireAdmin();
    if (callbackId.equals(AskIds.Callbacks.CONVERSATION_START)
        || callbackId.equals(AskIds.Callbacks.CONVERSATION_COS)) {
      String text = form.text(AskIds.Blocks.MESSAGE);
      if (text == null) {
        return ctx.ackWithErrors(Map.of(AskIds.Blocks.MESSAGE, AskMessages.MESSAGE_NEEDED));
      }
      if (callbackId.equals(AskIds.Callbacks.CONVERSATION_COS)) {
        conversations.cosReply(caller, signer.id(metadata).orElse(-1), text);
      } else {
        String what = signer.require(metadata);
        if (what.startsWith("q:")) {
          conversations.startFromQuestion(caller, Long.parseLong(what.substring(2)), text);
        } else {
          String ref = form.option(AskIds.Blocks.SUBJECT);
          if (ref == null) {
            return ctx.ackWithErrors(Map.of(AskIds.Blocks.SUBJECT, AskMessages.PICK_COMMENT));
          }
          conversations.startFromSubject(caller, ref, text);
        }
      }
      return update(ctx, AskConversationBlocks.sent(true, false));
    }
    long id = signer.id(metadata).orElse(-1);
    switch (callbackId) {
      case AskIds.Callbacks.MERGE -> {
        String into = form.option(AskIds.Blocks.MERGE_INTO);
        if (into == null) {
          return ctx.ackWithErrors(Map.of(AskIds.Blocks.MERGE_INTO, AskMessages.PICK_ONE));
        }
        questions.merge(caller, id, Long.parseLong(into));
      }
      case AskIds.Callbacks.EDIT -> {
        String text = form.text(AskIds.Blocks.NEW_TEXT);
        Optional<String> problem = textProblem(text);
        if (problem.isPresent()) {
          return ctx.ackWithErrors(Map.of(AskIds.Blocks.NEW_TEXT, problem.get()));
        }
        questions.proposeEdit(caller, id, text);
      }
      case AskIds.Callbacks.DECLINE -> {
        String reason = form.text(AskIds.Blocks.REASON);
        if (reason == null) {
          return ctx.ackWithErrors(Map.of(AskIds.Blocks.REASON, AskMessages.REASON_NEEDED));
        }
        questions.decline(caller, id, reason);
      }
      case AskIds.Callbacks.ANSWER -> {
        String answer = form.text(AskIds.Blocks.ANSWER_TEXT);
        String link = form.text(AskIds.Blocks.ANSWER_LINK);
        if (answer == null && link == null) {
          return ctx.ackWithErrors(Map.of(AskIds.Blocks.ANSWER_TEXT, AskMessages.ANSWER_NEEDED));
        }
        if (link != null && !link.matches("(?i)https?://[^\\s<>|]+")) {
          return ctx.ackWithErrors(Map.of(AskIds.Blocks.ANSWER_LINK, AskMessages.BAD_LINK));
        }
        questions.answer(
            caller,
            id,
            answer,
            link,
            Optional.ofNullable(form.conversation(AskIds.Blocks.ANSWER_CHANNEL)));
      }
      default -> throw new UserFacingException(AskMessages.GONE);
    }
    return ctx.ack();
  }

  private static Optional<String> textProblem(String text) {
    if (text == null || text.strip().length() < AskService.MIN_TEXT) {
      return Optional.of(AskMessages.TOO_SHORT);
    }
    if (text.strip().length() > AskService.MAX_TEXT) {
      return Optional.of(AskMessages.TOO_LONG);
    }
    return Optional.empty();
  }

  private static Response update(ViewSubmissionContext ctx, View view) {
    return ctx.ack(r -> r.responseAction("update").view(view));
  }
}
