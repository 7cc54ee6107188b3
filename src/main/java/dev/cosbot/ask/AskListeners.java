package dev.cosbot.ask;

import com.slack.api.bolt.App;
import dev.cosbot.ingress.SlackListeners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Maps each id of questions to leadership to its one handler. */
@ApplicationScoped
public class AskListeners implements SlackListeners {
  @Inject AskOpenAskHandler openAsk;
  @Inject AskOpenBoardHandler openBoard;
  @Inject AskFromMessagesTabHandler fromMessagesTab;
  @Inject AskReadNoteHandler readNote;
  @Inject AskApproveHandler approve;
  @Inject AskOpenMergeHandler openMerge;
  @Inject AskOpenEditHandler openEdit;
  @Inject AskOpenDeclineHandler openDecline;
  @Inject AskOpenAnswerHandler openAnswer;
  @Inject AskReplyToAskerHandler replyToAsker;
  @Inject AskCosReplyHandler cosReply;
  @Inject AskSubmitHandler ask;
  @Inject AskVoteSubmitHandler vote;
  @Inject AskConsentSubmitHandler consent;
  @Inject AskMergeSubmitHandler merge;
  @Inject AskEditSubmitHandler edit;
  @Inject AskDeclineSubmitHandler decline;
  @Inject AskAnswerSubmitHandler answer;
  @Inject AskConversationStartSubmitHandler conversationStart;
  @Inject AskWriterSubmitHandler conversationWriter;
  @Inject AskConversationCosSubmitHandler conversationCos;

  @Override
  public void register(App app) {
    app.blockAction(AskIds.Actions.OPEN_ASK, openAsk);
    app.blockAction(AskIds.Actions.OPEN_BOARD, openBoard);
    app.blockAction(AskIds.Actions.ASK_FROM_MESSAGES_TAB, fromMessagesTab);
    app.blockAction(AskIds.Actions.READ_NOTE, readNote);
    app.blockAction(AskIds.Actions.APPROVE, approve);
    app.blockAction(AskIds.Actions.MERGE, openMerge);
    app.blockAction(AskIds.Actions.EDIT, openEdit);
    app.blockAction(AskIds.Actions.DECLINE, openDecline);
    app.blockAction(AskIds.Actions.ANSWER, openAnswer);
    app.blockAction(AskIds.Actions.REPLY_TO_ASKER, replyToAsker);
    app.blockAction(AskIds.Actions.COS_REPLY, cosReply);
    app.viewSubmission(AskIds.Callbacks.ASK, ask);
    app.viewSubmission(AskIds.Callbacks.VOTE, vote);
    app.viewSubmission(AskIds.Callbacks.CONSENT, consent);
    app.viewSubmission(AskIds.Callbacks.MERGE, merge);
    app.viewSubmission(AskIds.Callbacks.EDIT, edit);
    app.viewSubmission(AskIds.Callbacks.DECLINE, decline);
    app.viewSubmission(AskIds.Callbacks.ANSWER, answer);
    app.viewSubmission(AskIds.Callbacks.CONVERSATION_START, conversationStart);
    app.viewSubmission(AskIds.Callbacks.CONVERSATION_WRITER, conversationWriter);
    app.viewSubmission(AskIds.Callbacks.CONVERSATION_COS, conversationCos);
  }
}
