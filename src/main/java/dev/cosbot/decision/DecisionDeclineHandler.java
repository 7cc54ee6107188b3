package dev.cosbot.decision;

import jakarta.enterprise.context.ApplicationScoped;

/** The Decline button. */
@ApplicationScoped
public class DecisionDeclineHandler extends DecisionChooseHandler {
  @Override
  DecisionStatus outcome() {
    return DecisionStatus.DECLINED;
  }
}
