package dev.cosbot.escalation;

import com.slack.api.bolt.App;
import dev.cosbot.ingress.SlackListeners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Registers one handler per escalation command, shortcut, button and form. */
@ApplicationScoped
public class EscalationListeners implements SlackListeners {
  @Inject EscalationRaiseOpener raise;
  @Inject EscalationRaiseSubmitHandler raiseSubmit;
  @Inject EscalationAckHandler ack;
  @Inject EscalationOpenResolveHandler openResolve;
  @Inject EscalationOpenReassignHandler openReassign;
  @Inject EscalationResolveSubmitHandler resolveSubmit;
  @Inject EscalationReassignSubmitHandler reassignSubmit;

  @Override
  public void register(App app) {
    app.command(EscalationIds.COMMAND, raise.command());
    app.messageShortcut(EscalationIds.SHORTCUT, raise.shortcut());
    app.viewSubmission(EscalationIds.RAISE_VIEW, raiseSubmit);
    app.blockAction(EscalationIds.ACK, ack);
    app.blockAction(EscalationIds.RESOLVE, openResolve);
    app.blockAction(EscalationIds.REASSIGN, openReassign);
    app.viewSubmission(EscalationIds.RESOLVE_VIEW, resolveSubmit);
    app.viewSubmission(EscalationIds.REASSIGN_VIEW, reassignSubmit);
  }
}
