package dev.cosbot.status;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The check-in's "Post update" button: acked at once; the update form opens right after. */
@ApplicationScoped
public class StatusPostUpdateHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject StatusService service;
  @Inject Roles roles;
  @Inject SignedMetadata signer;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    return afterAck.click(
        req,
        ctx,
        clicker -> {
          long id = signer.id(clicker.value()).orElse(-1);
          if (id < 0) {
            return Answer.say(StatusMessages.BUTTON_GONE);
          }
          Initiative i = service.get(id);
          StatusService.requireUpdater(roles.of(clicker.userId()), i);
          return Answer.open(
              StatusBlocks.updateModal(i, service.last(i).orElse(null), signer.signId(i.id)));
        });
  }
}
