package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.inject.Inject;

/**
 * A Chief of Staff's form about one question (merge, reword, decline, answer): the role checked,
 * the question's id read from the signed metadata (a tampered one names no question).
 */
abstract class AskModerationForm extends AskForm {
  @Inject AskService questions;
  @Inject Roles roles;
  @Inject SignedMetadata signer;

  @Override
  final Response submit(String user, ModalState form, String metadata, ViewSubmissionContext ctx) {
    Caller caller = roles.of(user);
    caller.requireAdmin();
    return moderate(caller, signer.id(metadata).orElse(-1), form, ctx);
  }

  /** The change to question {@code id}; closes the modal when done. */
  abstract Response moderate(Caller caller, long id, ModalState form, ViewSubmissionContext ctx);
}
