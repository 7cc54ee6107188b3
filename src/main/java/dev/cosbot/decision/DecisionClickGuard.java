package dev.cosbot.decision;

import dev.cosbot.ingress.Clicker;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.spi.DigestIds;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What every decision button checks: a preview's buttons do nothing, only the CXO decides, and the
 * decision id must be one the bot signed.
 */
@ApplicationScoped
public class DecisionClickGuard {
  @Inject Roles roles;
  @Inject SignedMetadata signer;
  @Inject DecisionService decisions;

  /** The deciding CXO, or a polite refusal. */
  Caller decider(Clicker clicker, String blockId) {
    if (DigestIds.PREVIEW_READER.equals(DigestIds.readerOf(blockId))) {
      throw new UserFacingException("This is a preview: its buttons do nothing.");
    }
    Caller caller = roles.of(clicker.userId());
    decisions.requireDecider(caller);
    return caller;
  }

  /** The signed decision id of the button; -1 (found nowhere) when tampered. */
  long id(Clicker clicker) {
    return signer.id(clicker.value()).orElse(-1);
  }
}
