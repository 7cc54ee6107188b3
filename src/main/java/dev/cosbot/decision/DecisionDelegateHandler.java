package dev.cosbot.decision;

import jakarta.enterprise.context.ApplicationScoped;

/** The Delegate… button. */
@ApplicationScoped
public class DecisionDelegateHandler extends DecisionOpenOutcomeHandler {
  @Override
  String which() {
    return DecisionIds.DELEGATE;
  }
}
