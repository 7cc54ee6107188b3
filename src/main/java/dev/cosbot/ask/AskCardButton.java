package dev.cosbot.ask;

import dev.cosbot.ingress.Answer;
import dev.cosbot.ingress.Clicker;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.inject.Inject;

/**
 * What every button on a Chief of Staff's question card does first: check the role and find the
 * question its signed value names (a tampered value finds none and gets the polite "can't find that
 * question" answer).
 */
abstract class AskCardButton extends AskButton {
  @Inject AskService questions;
  @Inject Roles roles;
  @Inject SignedMetadata signer;

  @Override
  final Answer click(Clicker clicker) {
    Caller caller = roles.of(clicker.userId());
    caller.requireAdmin();
    long id = signer.id(clicker.value()).orElse(-1);
    AskQuestion q = questions.find(id).orElseThrow(() -> new UserFacingException(AskMessages.GONE));
    return onQuestion(caller, q, signer.signId(q.id));
  }

  /** The button's own work on question {@code q}; {@code meta} is its signed id for a form. */
  abstract Answer onQuestion(Caller caller, AskQuestion q, String meta);

  /** Merge, reword and decline apply only to a question still waiting for review. */
  static void requirePending(AskQuestion q) {
    if (q.status != AskStatus.PENDING) {
      throw new UserFacingException(AskMessages.alreadyModerated(q.status));
    }
  }
}
