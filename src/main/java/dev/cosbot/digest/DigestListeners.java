package dev.cosbot.digest;

import com.slack.api.bolt.App;
import dev.cosbot.ingress.SlackListeners;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.spi.DigestButton;
import dev.cosbot.platform.spi.DigestIds;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * The digest's own button: "Ask owner for detail". Thin: parse, call {@link DigestActions}, ack.
 */
@ApplicationScoped
public class DigestListeners implements SlackListeners {

  @Inject DigestActions actions;
  @Inject Outbox outbox;

  @Override
  public void register(App app) {
    app.blockAction(
        DigestButton.ASK_OWNER,
        (req, ctx) -> {
          var payload = req.getPayload();
          var action = payload.getActions().get(0);
          String user = payload.getUser().getId();
          String channel = payload.getChannel() != null ? payload.getChannel().getId() : user;
          String answer;
          try {
            answer =
                actions.askOwner(
                    user, DigestIds.readerOf(action.getBlockId()), action.getValue(), channel);
          } catch (UserFacingException e) {
            answer = e.getMessage();
          }
          String key =
              "digest-ask-ack:"
                  + user
                  + ":"
                  + (payload.getTriggerId() == null ? UUID.randomUUID() : payload.getTriggerId());
          outbox.send(SlackCalls.postEphemeral(key, channel, user, answer, null));
          return ctx.ack();
        });
  }
}
