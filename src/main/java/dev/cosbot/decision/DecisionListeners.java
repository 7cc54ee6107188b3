package dev.cosbot.decision;

import com.slack.api.bolt.App;
import dev.cosbot.ingress.SlackListeners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Registers one handler per decision form and digest-line button. */
@ApplicationScoped
public class DecisionListeners implements SlackListeners {
  @Inject DecisionAskSubmitHandler ask;
  @Inject DecisionApproveHandler approve;
  @Inject DecisionDeclineHandler decline;
  @Inject DecisionDelegateHandler delegate;
  @Inject DecisionMoreHandler more;
  @Inject DecisionOutcomeSubmitHandler outcome;

  @Override
  public void register(App app) {
    app.viewSubmission(DecisionIds.ASK_CALLBACK, ask);
    app.blockAction(DecisionIds.APPROVE, approve);
    app.blockAction(DecisionIds.DECLINE, decline);
    app.blockAction(DecisionIds.DELEGATE, delegate);
    app.blockAction(DecisionIds.MORE, more);
    app.viewSubmission(DecisionIds.OUTCOME_CALLBACK, outcome);
  }
}
