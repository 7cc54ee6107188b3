package dev.cosbot.cadence;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A checklist button on a reminder: acked at once; the task is ticked (or unticked) right after,
 * every copy of the reminder is updated, and a refusal is told privately to the clicker.
 */
@ApplicationScoped
public class CadenceToggleTaskHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject SignedMetadata signer;
  @Inject CadenceService cadences;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    return afterAck.click(
        req,
        ctx,
        clicker -> {
          CadenceKeys.TaskRef ref =
              signer.verify(clicker.value()).flatMap(CadenceKeys::taskRef).orElse(null);
          if (ref == null) {
            return Answer.say(CadenceBlocks.TASK_GONE);
          }
          return Answer.say(
              CadenceBlocks.toggleAnswer(
                  cadences.toggleTask(
                      clicker.userId(), ref.cadenceId(), ref.occurrenceEpoch(), ref.taskId())));
        });
  }
}
