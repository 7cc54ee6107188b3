package dev.cosbot.platform.spi;

import java.util.Optional;

/**
 * A feature's offer under the bot's reply to something a person typed in its Messages tab (e.g.
 * "Ask leadership" with what they wrote): lets Home offer a feature's action without importing it.
 */
public interface MessagesTabOffer {

  /**
   * What a feature offers under the reply.
   *
   * @param note one short mrkdwn line shown above the button (what happens to the text, plainly)
   * @param action the button; its value points at the person's message, never carries its text
   */
  record Offer(String note, HomeAction action) {}

  /**
   * The offer for the message {@code messageTs} that {@code userId} wrote in DM {@code channelId}
   * ({@code text} is only looked at, never stored); empty when the feature has nothing to offer.
   */
  Optional<Offer> offerFor(String userId, String channelId, String messageTs, String text);
}
