package dev.cosbot.agenda;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import dev.cosbot.platform.spi.Meetings;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** "Add agenda item" on a reminder: opens the form for that meeting. */
@ApplicationScoped
public class AgendaAddButtonHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject Instance<Meetings> meetings;
  @Inject SignedMetadata signer;
  @Inject Clock clock;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    return afterAck.click(
        req,
        ctx,
        clicker -> {
          long id = signer.id(clicker.value()).orElse(-1);
          var m =
              meetings
                  .get()
                  .next(id, clock.instant())
                  .orElseThrow(() -> new UserFacingException(AgendaMessages.MEETING_GONE));
          return Answer.open(
              AgendaBlocks.addModal(List.of(), m.name(), clicker.userId(), signer.signId(id)));
        });
  }
}
