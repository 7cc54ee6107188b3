package dev.cosbot.ask;

import dev.cosbot.platform.outbox.SlackCall;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Turns what happened to a question into Slack calls: the Chiefs of Staff's cards, the sealed note
 * to an asker, the answer posted in a channel.
 */
@ApplicationScoped
public class AskNotices {
  @Inject SignedMetadata signer;

  /** The first card of a question in a Chief of Staff's DM. */
  SlackCall card(AskQuestion q, String admin, Map<Long, AskQuestion> targets) {
    return SlackCalls.postMessage(
        AskIds.cardKey(q.id, admin),
        admin,
        AskBlocks.cardText(q),
        AskBlocks.card(q, targets, signer.signId(q.id)));
  }

  /** The card rewritten after a change (its buttons follow the new state: no stale buttons). */
  SlackCall cardUpdate(AskQuestion q, String admin, Map<Long, AskQuestion> targets) {
    return SlackCalls.updateMessage(
        AskIds.cardUpdateKey(q.id, admin, q.version),
        AskIds.cardKey(q.id, admin),
        AskBlocks.cardText(q),
        AskBlocks.card(q, targets, signer.signId(q.id)));
  }

  /** A sealed note: the row names the recipient and holds an opaque token, not the question. */
  SlackCall note(String key, String recipient, NoteKind kind, String token) {
    return SlackCalls.postMessage(key, recipient, AskBlocks.NOTE_TEXT, AskBlocks.note(token));
  }

  /** A sealed note about a conversation: names the writer, holds only an opaque token. */
  SlackCall conversationNote(String key, String writer, String token) {
    return SlackCalls.postMessage(
        key, writer, AskConversationBlocks.NOTE_TEXT, AskConversationBlocks.note(token));
  }

  /**
   * The writer's answer (or their closing the conversation), to the Chief of Staff who started it.
   */
  SlackCall conversationToCos(AskConversation c, AskConversationMessage m) {
    String key = AskIds.conversationKey(c.id, m == null ? "closed" : "m" + m.id);
    return SlackCalls.postMessage(
        key,
        c.startedBy,
        AskConversationBlocks.cosText(c, m),
        AskConversationBlocks.toCos(c, m, signer.signId(c.id)));
  }

  /** The answer, posted in a channel. */
  SlackCall answerPost(AskQuestion q, long votes, String channel) {
    return SlackCalls.postMessage(
        AskIds.answerPostKey(q.id),
        channel,
        "Answered at the all-hands",
        AskBlocks.answerPost(q, votes));
  }
}
