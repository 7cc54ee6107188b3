package dev.cosbot.pulse;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import dev.cosbot.ingress.Clicker;
import jakarta.inject.Inject;

/**
 * The DM's buttons that open the answer form: acked at once; the form opens if the person may
 * answer, otherwise they are told privately why not (closed, not asked, not found).
 */
abstract class PulseOpenAnswerHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject PulseService service;
  @Inject PulseModals modals;

  /** The round and the pre-selected value the clicked button carries (round -1: tampered). */
  abstract long[] roundAndPreset(Clicker clicker);

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    return afterAck.click(
        req,
        ctx,
        clicker -> {
          long[] clicked = roundAndPreset(clicker);
          Integer preset = clicked.length > 1 ? (int) clicked[1] : null;
          return Answer.open(
              modals.answer(service.answerable(clicked[0], clicker.userId()), preset));
        });
  }
}
