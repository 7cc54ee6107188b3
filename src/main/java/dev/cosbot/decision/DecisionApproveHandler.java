package dev.cosbot.decision;

import jakarta.enterprise.context.ApplicationScoped;

/** The Approve button. */
@ApplicationScoped
public class DecisionApproveHandler extends DecisionChooseHandler {
  @Override
  DecisionStatus outcome() {
    return DecisionStatus.APPROVED;
  }
}
