package dev.cosbot.decision;

import com.slack.api.bolt.App;
import dev.cosbot.ingress.SlackListeners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;

/** Registers one handler per decision form and button. */
@ApplicationScoped
public class DecisionListeners implements SlackListeners {
  @Inject DecisionAskSubmitHandler ask;
  @Inject DecisionChooseHandler choose;
  @Inject DecisionChooseSubmitHandler chooseSubmit;
  @Inject DecisionDelegateHandler delegate;
  @Inject DecisionMoreHandler more;
  @Inject DecisionOutcomeSubmitHandler outcome;
  @Inject DecisionReplyHandler reply;
  @Inject DecisionReplySubmitHandler replySubmit;

  @Override
  public void register(App app) {
    app.viewSubmission(DecisionIds.ASK_CALLBACK, ask);
    app.blockAction(Pattern.compile("^" + DecisionIds.CHOOSE + "(_\\d{1,2})?$"), choose);
    app.blockAction(DecisionIds.APPROVE, choose);
    app.blockAction(DecisionIds.DECLINE, choose);
    app.viewSubmission(DecisionIds.CHOOSE_CALLBACK, chooseSubmit);
    app.blockAction(DecisionIds.DELEGATE, delegate);
    app.blockAction(DecisionIds.MORE, more);
    app.viewSubmission(DecisionIds.OUTCOME_CALLBACK, outcome);
    app.blockAction(DecisionIds.REPLY, reply);
    app.viewSubmission(DecisionIds.REPLY_CALLBACK, replySubmit);
  }
}
