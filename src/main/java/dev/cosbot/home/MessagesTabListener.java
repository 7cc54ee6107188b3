package dev.cosbot.home;

import com.slack.api.bolt.App;
import com.slack.api.model.event.MessageEvent;
import dev.cosbot.ingress.SlackListeners;
import dev.cosbot.ingress.command.CosCommandRouter;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.spi.MessagesTabOffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Messages tab is open, so a person may type to the bot: "help" or anything else gets a short
 * guide to what the bot does and how to ask it, never silence; features may offer an action on what
 * was written (e.g. "Ask leadership"), whose button points at the message and never carries its
 * text, so the outbox stores nothing of what a person typed. The bot's own messages are ignored.
 */
@ApplicationScoped
public class MessagesTabListener implements SlackListeners {
  @Inject CosCommandRouter router;
  @Inject Roles roles;
  @Inject Outbox outbox;
  @Inject @Any Instance<MessagesTabOffer> offers;

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
            List<MessagesTabOffer.Offer> offered = new ArrayList<>();
            if (!help && e.getText() != null) {
              offers.forEach(
                  o ->
                      o.offerFor(e.getUser(), e.getChannel(), e.getTs(), e.getText())
                          .ifPresent(offered::add));
            }
            outbox.send(
                SlackCalls.postMessage(
                    HomeMessages.guideKey(e.getChannel(), e.getTs()),
                    e.getChannel(),
                    text,
                    offered.isEmpty() ? null : HomeBlocks.messagesTabReply(text, offered)));
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
