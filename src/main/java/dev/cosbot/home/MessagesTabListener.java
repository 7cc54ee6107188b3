package dev.cosbot.home;

import com.slack.api.bolt.App;
import com.slack.api.model.event.MessageEvent;
import dev.cosbot.ingress.SlackListeners;
import dev.cosbot.ingress.command.CosCommandRouter;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * The Messages tab is open, so a person may type to the bot: "help" or anything else gets a short
 * guide to what the bot does and how to ask it, never silence. The bot's own messages are ignored.
 */
@ApplicationScoped
public class MessagesTabListener implements SlackListeners {
  @Inject CosCommandRouter router;
  @Inject Roles roles;
  @Inject Outbox outbox;

  @Override
  public void register(App app) {
    app.event(
        MessageEvent.class,
        (req, ctx) -> {
          MessageEvent e = req.getEvent();
          if (isPersonWritingToTheBot(e)) {
            boolean help = e.getText() != null && isHelp(e.getText());
            String text =
                HomeMessages.messagesTabGuide(
                    router.helpLines(), roles.of(e.getUser()), router.askWho(), help);
            outbox.send(
                SlackCalls.postMessage(
                    HomeMessages.guideKey(e.getChannel(), e.getTs()), e.getChannel(), text, null));
          }
          return ctx.ack();
        });
  }

  private static boolean isPersonWritingToTheBot(MessageEvent e) {
    return "im".equals(e.getChannelType())
        && e.getSubtype() == null
        && e.getBotId() == null
        && e.getUser() != null
        && e.getChannel() != null
        && e.getTs() != null;
  }

  static boolean isHelp(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("[!?.]+$", "");
    return t.equals("help") || t.equals("/cos help") || t.equals("hi") || t.equals("hello");
  }
}
