package dev.cosbot.home;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import dev.cosbot.ingress.Clicker;
import dev.cosbot.ingress.command.CosCommandRouter;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A primary action on the Home tab: acked at once, then runs the {@code /cos} command it stands for
 * as the person who clicked (a form opens with the click's trigger; a text answer arrives as a
 * message in the Messages tab). The value is signed and names the person the tab was built for.
 */
@ApplicationScoped
public class HomeActionHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject SignedMetadata signer;
  @Inject CosCommandRouter router;
  @Inject Outbox outbox;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    return afterAck.click(
        req,
        ctx,
        clicker -> {
          String command = command(clicker);
          SlashCommandContext asCommand = new SlashCommandContext();
          asCommand.setSlack(ctx.getSlack());
          asCommand.setBotToken(ctx.getBotToken());
          asCommand.setTeamId(ctx.getTeamId());
          asCommand.setRequestUserId(clicker.userId());
          asCommand.setTriggerId(clicker.triggerId());
          asCommand.setChannelId(clicker.userId());
          Response answer = router.run(command, clicker.userId(), clicker.triggerId(), asCommand);
          String text = textOf(answer);
          if (text != null) {
            outbox.enqueue(
                SlackCalls.postMessage(
                    HomeMessages.actionAnswerKey(clicker.userId(), clicker.actionTs()),
                    clicker.userId(),
                    text,
                    null));
          }
          return Answer.NONE;
        });
  }

  /** The command the button stands for, if it was signed here for this very person. */
  private String command(Clicker clicker) {
    String value = signer.verify(clicker.value()).orElse("");
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).equals(clicker.userId())) {
      throw new UserFacingException(HomeMessages.EXPIRED);
    }
    return value.substring(space + 1);
  }

  private static String textOf(Response answer) {
    if (answer == null || answer.getBody() == null || !answer.getBody().startsWith("{")) {
      return null;
    }
    JsonObject body = JsonParser.parseString(answer.getBody()).getAsJsonObject();
    return body.has("text") && !body.get("text").isJsonNull()
        ? body.get("text").getAsString()
        : null;
  }
}
