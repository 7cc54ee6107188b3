package dev.cosbot.escalation;

import com.slack.api.model.view.View;
import jakarta.enterprise.context.ApplicationScoped;

/** The card's Resolve button: opens the resolution form. */
@ApplicationScoped
public class EscalationOpenResolveHandler extends EscalationOpenFormHandler {
  @Override
  View form(Escalation e) {
    return EscalationBlocks.resolveModal(e.id, e.title, signer);
  }
}
