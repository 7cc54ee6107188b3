package dev.cosbot.ask;

import com.slack.api.bolt.App;
import dev.cosbot.ingress.SlackListeners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Maps the ids of questions to leadership to their two handlers (buttons and forms). */
@ApplicationScoped
public class AskListeners implements SlackListeners {
  @Inject AskButtonHandler buttons;
  @Inject AskFormHandler forms;
  @Inject AskFromMessagesTabHandler fromMessagesTab;

  @Override
  public void register(App app) {
    for (String action :
        new String[] {
          AskIds.Actions.OPEN_ASK,
          AskIds.Actions.OPEN_BOARD,
          AskIds.Actions.APPROVE,
          AskIds.Actions.MERGE,
          AskIds.Actions.EDIT,
          AskIds.Actions.DECLINE,
          AskIds.Actions.ANSWER,
          AskIds.Actions.READ_NOTE,
          AskIds.Actions.REPLY_TO_ASKER,
          AskIds.Actions.COS_REPLY
        }) {
      app.blockAction(action, buttons);
    }
    app.blockAction(AskIds.Actions.ASK_FROM_MESSAGES_TAB, fromMessagesTab);
    for (String callback :
        new String[] {
          AskIds.Callbacks.ASK,
          AskIds.Callbacks.VOTE,
          AskIds.Callbacks.MERGE,
          AskIds.Callbacks.EDIT,
          AskIds.Callbacks.DECLINE,
          AskIds.Callbacks.ANSWER,
          AskIds.Callbacks.CONSENT,
          AskIds.Callbacks.CONVERSATION_START,
          AskIds.Callbacks.CONVERSATION_WRITER,
          AskIds.Callbacks.CONVERSATION_COS
        }) {
      app.viewSubmission(callback, forms);
    }
  }
}
