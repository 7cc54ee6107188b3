package dev.cosbot.ask;

import dev.cosbot.platform.spi.HomeAction;
import dev.cosbot.platform.spi.MessagesTabOffer;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * "Ask leadership" under the bot's reply in its Messages tab. The button's value names only the
 * message (its DM and timestamp, signed), never its text: the outbox row of the reply stores
 * nothing of what the person wrote, and the text is read back from Slack when they click.
 */
@ApplicationScoped
public class AskMessagesTabOffer implements MessagesTabOffer {
  @Inject SignedMetadata signer;

  @Override
  public Optional<Offer> offerFor(String userId, String channelId, String messageTs, String text) {
    if (text == null || text.strip().length() < AskService.MIN_TEXT) {
      return Optional.empty();
    }
    return Optional.of(
        new Offer(
            AskMessages.MESSAGES_TAB_OFFER,
            new HomeAction(
                AskMessages.MESSAGES_TAB_BUTTON,
                AskIds.Actions.ASK_FROM_MESSAGES_TAB,
                signer.sign(MessagesTabRef.of(channelId, messageTs)))));
  }

  /** The signed pointer at a message: {@code channel|ts}. */
  record MessagesTabRef(String channelId, String ts) {
    static String of(String channelId, String ts) {
      return channelId + "|" + ts;
    }

    static Optional<MessagesTabRef> parse(String value) {
      int bar = value == null ? -1 : value.indexOf('|');
      if (bar <= 0 || bar == value.length() - 1) {
        return Optional.empty();
      }
      return Optional.of(new MessagesTabRef(value.substring(0, bar), value.substring(bar + 1)));
    }
  }
}
