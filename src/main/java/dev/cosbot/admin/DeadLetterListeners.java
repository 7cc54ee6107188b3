package dev.cosbot.admin;

import com.slack.api.bolt.App;
import dev.cosbot.ingress.SlackListeners;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The Retry button on a dead-letter notice: Chiefs of Staff only. */
@ApplicationScoped
public class DeadLetterListeners implements SlackListeners {
  @Inject DeadLetterNotices notices;
  @Inject Roles roles;
  @Inject Outbox outbox;

  @Override
  public void register(App app) {
    app.blockAction(
        DeadLetterBlocks.RETRY,
        (req, ctx) -> {
          var payload = req.getPayload();
          String user = payload.getUser().getId();
          String value = payload.getActions().get(0).getValue();
          String answer;
          try {
            answer =
                roles.of(user).isAdmin()
                    ? notices.retry(value)
                    : "Sorry, only a Chief of Staff can do that.";
          } catch (java.sql.SQLException e) {
            answer = "Sorry, I couldn't reach my database. Please try again in a minute.";
          }
          String channel = payload.getChannel() != null ? payload.getChannel().getId() : user;
          String ts =
              payload.getContainer() != null ? payload.getContainer().getMessageTs() : "none";
          outbox.send(
              SlackCalls.postEphemeral(
                  DeadLetterNotices.KEY_PREFIX
                      + "retry:"
                      + user
                      + ":"
                      + ts
                      + ":"
                      + value.hashCode(),
                  channel,
                  user,
                  answer,
                  null));
          return ctx.ack();
        });
  }
}
