package dev.cosbot.decision;

import com.google.gson.JsonObject;
import dev.cosbot.platform.outbox.SlackCall;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what happened to a decision into the Slack calls that tell people and bring every copy up
 * to date. The service enqueues them in its own transaction; the words are in {@link
 * DecisionMessages}, the blocks in {@link DecisionViews}.
 */
@ApplicationScoped
public class DecisionNotices {
  @Inject SignedMetadata signer;

  /** The asker is told it is on its way; the CXO (when named) gets it by DM, with the buttons. */
  List<SlackCall> asked(Decision d, String cxo) {
    List<SlackCall> calls = new ArrayList<>();
    calls.add(
        SlackCalls.postMessage(
            DecisionKeys.asked(d.id), d.askerId, DecisionMessages.asked(d, cxo != null), null));
    if (cxo != null) {
      calls.add(
          SlackCalls.postMessage(
              DecisionKeys.cxoCopy(d.id),
              cxo,
              DecisionMessages.cardFallback(d),
              DecisionViews.card(d, true, false, signer)));
    }
    return calls;
  }

  /** The asker is told the outcome, naming the option chosen. */
  List<SlackCall> decided(Decision d) {
    return List.of(
        SlackCalls.postMessage(
            DecisionKeys.outcome(d.id), d.askerId, DecisionMessages.outcome(d), null));
  }

  /** The asker is told who decides now; the delegate gets the request with the same buttons. */
  List<SlackCall> delegated(Decision d, String by) {
    return List.of(
        SlackCalls.postMessage(
            DecisionKeys.delegated(d.id, d.delegatedTo),
            d.askerId,
            DecisionMessages.delegatedToAsker(d, by),
            null),
        SlackCalls.postMessage(
            DecisionKeys.delegateCopy(d.id, d.delegatedTo),
            d.delegatedTo,
            DecisionMessages.cardFallback(d),
            DecisionViews.card(d, true, true, signer)));
  }

  /**
   * Every copy shows where the decision stands now, without buttons: the bot's own copies are
   * rewritten; messages found by a click (the digest) keep everything but this decision's buttons.
   */
  List<SlackCall> copiesChanged(Decision d, List<DecisionCopy> copies) {
    List<SlackCall> calls = new ArrayList<>();
    String state = DecisionMessages.state(d);
    for (DecisionCopy copy : copies) {
      String key = DecisionKeys.copyUpdate(copy.id, d);
      if (copy.messageKey != null) {
        boolean delegateCopy = !copy.messageKey.equals(DecisionKeys.cxoCopy(d.id));
        calls.add(
            SlackCalls.updateMessage(
                key,
                copy.messageKey,
                DecisionMessages.cardFallback(d),
                DecisionViews.card(d, false, delegateCopy, signer)));
      } else if (copy.blocks != null) {
        JsonObject updated = DecisionViews.withoutButtons(copy.blocks, d.id, state, signer);
        if (updated != null) {
          copy.blocks = updated.toString();
          String text =
              updated.has("text") && !updated.get("text").isJsonNull()
                  ? updated.get("text").getAsString()
                  : DecisionMessages.cardFallback(d);
          calls.add(SlackCalls.updateAt(key, copy.channel, copy.ts, text, updated.get("blocks")));
        }
      }
    }
    return calls;
  }

  /** The question goes to the asker in their request's thread, and shows in the decider's. */
  List<SlackCall> moreAsked(
      Decision d, String by, String question, String submission, String deciderThread) {
    List<SlackCall> calls = new ArrayList<>();
    String text = DecisionMessages.moreAsked(d, by, question);
    calls.add(
        SlackCalls.replyInThread(
            DecisionKeys.moreAsked(d.id, submission),
            DecisionKeys.asked(d.id),
            text,
            DecisionViews.withReplyButton(text, d, signer)));
    if (deciderThread != null) {
      calls.add(
          SlackCalls.replyInThread(
              DecisionKeys.moreAskedEcho(d.id, submission),
              deciderThread,
              DecisionMessages.moreAskedEcho(d, question),
              null));
    }
    return calls;
  }

  /** The asker's answer goes to the decider (in their copy's thread) and shows in the asker's. */
  List<SlackCall> replied(
      Decision d, String decider, String answer, String submission, String deciderThread) {
    String text = DecisionMessages.replied(d, decider, answer);
    SlackCall toDecider =
        deciderThread == null
            ? SlackCalls.postMessage(DecisionKeys.reply(d.id, submission), decider, text, null)
            : SlackCalls.replyInThread(
                DecisionKeys.reply(d.id, submission), deciderThread, text, null);
    return List.of(
        toDecider,
        SlackCalls.replyInThread(
            DecisionKeys.replyEcho(d.id, submission),
            DecisionKeys.asked(d.id),
            DecisionMessages.replyEcho(decider, answer),
            null));
  }

  /** Each Chief of Staff is told once that an open decision is past its needed-by date. */
  List<SlackCall> overdue(Decision d, List<String> admins) {
    return admins.stream()
        .map(
            admin ->
                SlackCalls.postMessage(
                    DecisionKeys.overdue(d.id, admin), admin, DecisionMessages.overdue(d), null))
        .toList();
  }
}
