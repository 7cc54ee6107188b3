package dev.cosbot.decision;

import jakarta.enterprise.context.ApplicationScoped;

/** The Ask for more… button. */
@ApplicationScoped
public class DecisionMoreHandler extends DecisionOpenOutcomeHandler {
  @Override
  String which() {
    return DecisionIds.MORE;
  }
}
