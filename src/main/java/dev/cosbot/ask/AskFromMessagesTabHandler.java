package dev.cosbot.ask;

import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import dev.cosbot.ingress.Answer;
import dev.cosbot.ingress.Clicker;
import dev.cosbot.platform.slack.SlackReads;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * "Ask leadership" under a Messages tab reply: the ask form opens prefilled with what the person
 * wrote, read back from Slack (which keeps the DM) rather than from anything cos-bot stored. Only
 * the message's own author gets its text; anyone else, a tampered value or a message Slack no
 * longer has gets the empty form.
 */
@ApplicationScoped
public class AskFromMessagesTabHandler extends AskButton {
  /** The click's trigger is valid for 3 s: the form opens without the text rather than never. */
  private static final Duration READ_WITHIN = Duration.ofMillis(1_500);

  @Inject SignedMetadata signer;
  @Inject SlackReads reads;

  @Override
  Answer click(Clicker clicker) {
    return Answer.open(AskBlocks.askModal(writtenBy(clicker.userId(), clicker.value())));
  }

  private String writtenBy(String userId, String value) {
    Optional<AskMessagesTabOffer.MessagesTabRef> ref =
        signer.verify(value).flatMap(AskMessagesTabOffer.MessagesTabRef::parse);
    if (ref.isEmpty()) {
      return null;
    }
    String channel = ref.get().channelId();
    String ts = ref.get().ts();
    Optional<ConversationsHistoryResponse> history =
        reads.readWithin(
            "conversations.history",
            READ_WITHIN,
            c ->
                c.conversationsHistory(
                    r -> r.channel(channel).latest(ts).oldest(ts).inclusive(true).limit(1)));
    return history
        .filter(ConversationsHistoryResponse::isOk)
        .map(ConversationsHistoryResponse::getMessages)
        .flatMap(
            messages ->
                messages.stream()
                    .filter(m -> ts.equals(m.getTs()) && userId.equals(m.getUser()))
                    .map(Message::getText)
                    .findFirst())
        .orElse(null);
  }
}
