package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The asker accepts a suggested wording or keeps their own. */
@ApplicationScoped
public class AskConsentSubmitHandler extends AskForm {
  @Inject AskService questions;
  @Inject SignedMetadata signer;

  @Override
  Response submit(String user, ModalState form, String metadata, ViewSubmissionContext ctx) {
    boolean accept = AskBlocks.ACCEPT.equals(form.option(AskIds.Blocks.CONSENT));
    questions.consent(user, signer.id(metadata).orElse(-1), accept);
    return update(ctx, AskBlocks.consentDone(accept));
  }
}
