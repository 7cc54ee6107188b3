package dev.cosbot.escalation;

import com.slack.api.model.view.View;
import jakarta.enterprise.context.ApplicationScoped;

/** The card's Reassign button: opens the new-owner form. */
@ApplicationScoped
public class EscalationOpenReassignHandler extends EscalationOpenFormHandler {
  @Override
  View form(Escalation e) {
    return EscalationBlocks.reassignModal(e.id, e.title, signer);
  }
}
