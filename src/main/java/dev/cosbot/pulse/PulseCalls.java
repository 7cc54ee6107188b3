package dev.cosbot.pulse;

import com.google.gson.JsonObject;
import dev.cosbot.platform.outbox.SlackCall;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The step between pulse's domain results and Slack: turns an opened round, a reminder run or a
 * closed round into the Slack calls {@link PulseService} enqueues in its transaction — with the
 * words of {@link PulseBlocks}, the keys of {@link PulseIds} and every id in a button signed.
 */
@ApplicationScoped
public class PulseCalls {
  @Inject SignedMetadata signer;

  /** The invitation DMs of a round, one per person; dropped rather than sent after close. */
  List<SlackCall> invitations(PulseSurvey survey, PulseRound round, List<String> users) {
    String text = PulseBlocks.dmText(survey);
    var blocks = PulseBlocks.invitation(survey, round, survey.questionList(), this::sign);
    SlackCall template =
        SlackCalls.postMessage(
            PulseIds.invitationKey(round.id, "template"), "U0TEMPLATE", text, blocks);
    List<SlackCall> calls = new ArrayList<>(users.size());
    for (String user : users) {
      String key = PulseIds.invitationKey(round.id, user);
      JsonObject payload = template.payload().deepCopy();
      payload.addProperty("channel", user);
      SlackCall own = SlackCalls.postMessage(key, user, text, null);
      payload.add("metadata", own.payload().get("metadata"));
      calls.add(new SlackCall(key, "chat.postMessage", user, payload, null, round.closesAt));
    }
    return calls;
  }

  /** One reminder per person who has not answered; dropped rather than sent after close. */
  List<SlackCall> reminders(PulseSurvey survey, PulseRound round, List<String> users) {
    var blocks = PulseBlocks.reminder(survey, round, sign(String.valueOf(round.id)));
    return users.stream()
        .map(
            u ->
                SlackCalls.postMessage(
                        PulseIds.reminderKey(round.id, u),
                        u,
                        PulseBlocks.reminderText(survey),
                        blocks)
                    .expiringAt(round.closesAt))
        .toList();
  }

  /** The results DM of a closed round, to the survey's owner. */
  SlackCall results(PulseService.Results results) {
    return SlackCalls.postMessage(
        PulseIds.resultsKey(results.round().id),
        results.survey().createdBy,
        PulseBlocks.resultsText(results),
        PulseBlocks.results(results));
  }

  /** The owner's note that a round is going out now, and to how many people. */
  SlackCall opened(PulseSurvey survey, PulseRound round) {
    String text = PulseBlocks.openedText(survey, round);
    return SlackCalls.postMessage(PulseIds.openedKey(round.id), survey.createdBy, text, null);
  }

  /** The creator's confirmation of a survey whose first round starts later. */
  SlackCall scheduled(PulseSurvey survey) {
    String text = PulseBlocks.scheduledText(survey);
    return SlackCalls.postMessage(PulseIds.scheduledKey(survey.id), survey.createdBy, text, null);
  }

  private String sign(String value) {
    return signer.sign(value);
  }
}
