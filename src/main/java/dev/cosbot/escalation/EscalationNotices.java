package dev.cosbot.escalation;

import dev.cosbot.platform.outbox.SlackCall;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.SlackText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns what happened to an escalation into the Slack calls that tell people, and an action's
 * outcome into the words for the person who acted. The service enqueues these calls in its own
 * transaction; all the wording lives here and in {@link EscalationBlocks}.
 */
@ApplicationScoped
public class EscalationNotices {
  @Inject SignedMetadata signer;

  /**
   * The card in the route's channel, a DM per owner (and Chief of Staff if confidential), the
   * reporter's status.
   */
  public List<SlackCall> raised(
      Escalation e, List<String> owners, Collection<String> dms, boolean inChannel, Sla ackSla) {
    List<SlackCall> calls = new ArrayList<>();
    String summary = EscalationBlocks.summary(e);
    if (inChannel) {
      calls.add(
          SlackCalls.postMessage(
              EscalationIds.channelKey(e.id),
              e.channelId,
              summary,
              EscalationBlocks.card(
                  e,
                  ":rotating_light: *New "
                      + e.severity.display()
                      + " escalation* for "
                      + EscalationBlocks.ownerText(e)
                      + ". Please acknowledge it within "
                      + ackSla.describe()
                      + ".",
                  signer)));
    }
    for (String user : dms) {
      String headline =
          owners.contains(user)
              ? ":rotating_light: *An escalation was routed to you.* Please acknowledge it within "
                  + ackSla.describe()
                  + " (by "
                  + EscalationBlocks.when(e.ackDueAt)
                  + ")."
              : ":lock: *A confidential escalation was raised* (you see it as a Chief of Staff).";
      calls.add(
          SlackCalls.postMessage(
              EscalationIds.dmKey(e.id, user),
              user,
              summary,
              EscalationBlocks.card(e, headline, signer)));
    }
    calls.add(
        SlackCalls.postMessage(
            EscalationIds.reporterKey(e.id),
            e.reporter,
            "Your escalation #" + e.id + " was raised",
            EscalationBlocks.reporterStatus(e)));
    return calls;
  }

  /** Step {@code step} of the chain: a DM to each target and a note in the thread. */
  public List<SlackCall> climbed(
      Escalation e, int step, EscalationService.Link link, List<String> targets, Sla ackSla) {
    String waited = ackSla.describe();
    List<SlackCall> calls = new ArrayList<>();
    for (String user : targets) {
      calls.add(
          SlackCalls.postMessage(
              EscalationIds.climbKey(e.id, step, user),
              user,
              EscalationBlocks.summary(e),
              EscalationBlocks.card(
                  e,
                  ":arrow_double_up: *Escalated to you:* not acknowledged within " + waited + ".",
                  signer)));
    }
    calls.add(
        SlackCalls.replyInThread(
            EscalationIds.climbThreadKey(e.id, step),
            e.threadKey,
            ":arrow_double_up: Not acknowledged within "
                + waited
                + ": escalated to "
                + describe(link)
                + ".",
            null));
    return calls;
  }

  /** The resolution target passed. */
  public List<SlackCall> resolveDue(Escalation e, Sla resolveSla) {
    return List.of(
        SlackCalls.replyInThread(
            EscalationIds.resolveDueThreadKey(e.id),
            e.threadKey,
            ":warning: The resolution target ("
                + resolveSla.describe()
                + ") has passed. Owner: "
                + EscalationBlocks.ownerText(e)
                + ".",
            null));
  }

  /** A note in the thread, and a new message to the reporter (an edit would not notify them). */
  public List<SlackCall> acknowledged(Escalation e, String by) {
    List<SlackCall> calls = new ArrayList<>();
    calls.add(
        SlackCalls.replyInThread(
            EscalationIds.ackThreadKey(e.id),
            e.threadKey,
            ":eyes: Acknowledged by " + SlackText.mention(by) + ".",
            null));
    tellReporter(
        calls,
        e,
        by,
        EscalationIds.reporterAckKey(e.id),
        ":eyes: "
            + SlackText.mention(by)
            + " acknowledged your escalation *#"
            + e.id
            + " "
            + SlackText.escapeAndCut(e.title, 150)
            + "* and is on it."
            + (e.resolveDueAt == null
                ? ""
                : " The target is to resolve it by "
                    + EscalationBlocks.when(e.resolveDueAt)
                    + "."));
    return calls;
  }

  /** A new DM to the reporter, unless they did it themselves. */
  private static void tellReporter(
      List<SlackCall> calls, Escalation e, String by, String key, String text) {
    if (!e.reporter.equals(by)) {
      calls.add(SlackCalls.postMessage(key, e.reporter, text, null));
    }
  }

  /** A DM to the new owner, a note in the thread, a new message to the reporter. */
  public List<SlackCall> reassigned(Escalation e, String by, Escalation.Owner before, int version) {
    List<SlackCall> calls = new ArrayList<>();
    calls.addAll(
        List.of(
            SlackCalls.postMessage(
                EscalationIds.reassignedKey(e.id, version, e.ownerUser),
                e.ownerUser,
                EscalationBlocks.summary(e),
                EscalationBlocks.card(
                    e,
                    ":arrow_right: "
                        + SlackText.mention(by)
                        + " *reassigned this escalation to you.*",
                    signer)),
            SlackCalls.replyInThread(
                EscalationIds.reassignedThreadKey(e.id, version),
                e.threadKey,
                ":arrow_right: "
                    + SlackText.mention(by)
                    + " reassigned it from "
                    + EscalationBlocks.ownerText(before)
                    + " to "
                    + SlackText.mention(e.ownerUser)
                    + ".",
                null)));
    tellReporter(
        calls,
        e,
        by,
        EscalationIds.reporterReassignedKey(e.id, version),
        ":arrow_right: Your escalation *#"
            + e.id
            + " "
            + SlackText.escapeAndCut(e.title, 150)
            + "* is now with "
            + SlackText.mention(e.ownerUser)
            + " (handed over by "
            + SlackText.mention(by)
            + ").");
    return calls;
  }

  /** A note in the thread, and a new message to the reporter with the resolution. */
  public List<SlackCall> resolved(Escalation e, String by) {
    List<SlackCall> calls = new ArrayList<>();
    calls.add(
        SlackCalls.replyInThread(
            EscalationIds.resolvedThreadKey(e.id),
            e.threadKey,
            ":white_check_mark: Resolved by "
                + SlackText.mention(by)
                + ": "
                + SlackText.escapeAndCut(e.resolution, 2500),
            null));
    tellReporter(
        calls,
        e,
        by,
        EscalationIds.reporterResolvedKey(e.id),
        ":white_check_mark: "
            + SlackText.mention(by)
            + " resolved your escalation *#"
            + e.id
            + " "
            + SlackText.escapeAndCut(e.title, 150)
            + "*:\n>"
            + SlackText.escapeAndCut(e.resolution, 2000).replace("\n", "\n>"));
    return calls;
  }

  /**
   * Rewrites the reporter's DM and every copy of the card ({@code cards}: outbox keys) to show the
   * new state: one acknowledgement changes every copy, and no copy keeps a button that no longer
   * applies.
   */
  public List<SlackCall> refreshed(Escalation e, int v, List<String> cards) {
    List<SlackCall> calls = new ArrayList<>();
    calls.add(
        SlackCalls.updateMessage(
            EscalationIds.reporterVersionKey(e.id, v),
            EscalationIds.reporterKey(e.id),
            "Your escalation #" + e.id + ": " + EscalationBlocks.statusText(e),
            EscalationBlocks.reporterStatus(e)));
    String headline =
        switch (e.status) {
          case OPEN -> ":rotating_light: *Escalation* for " + EscalationBlocks.ownerText(e);
          case ACKNOWLEDGED ->
              ":eyes: *Acknowledged* by "
                  + SlackText.mention(e.acknowledgedBy)
                  + " — owner "
                  + EscalationBlocks.ownerText(e);
          case RESOLVED -> ":white_check_mark: *Resolved* by " + SlackText.mention(e.resolvedBy);
        };
    List<com.slack.api.model.block.LayoutBlock> card = EscalationBlocks.card(e, headline, signer);
    for (String key : cards) {
      calls.add(
          SlackCalls.updateMessage(
              EscalationIds.cardVersionKey(key, v), key, EscalationBlocks.summary(e), card));
    }
    return calls;
  }

  /** The private answer to the person who acted. */
  public static String answer(EscalationService.Outcome outcome) {
    long id = outcome.id();
    if (outcome instanceof EscalationService.Outcome.NotFound) {
      return id < 0
          ? "I can't find that escalation. See `/cos escalations` for the open ones."
          : "That's no longer available: escalation #" + id + " does not exist any more.";
    }
    if (outcome instanceof EscalationService.Outcome.NotAllowed n) {
      return "Sorry, only the owner of escalation #"
          + id
          + " ("
          + EscalationBlocks.ownerText(n.escalation())
          + "), a Chief of Staff or the CXO can act on it. If you think it needs attention, ask one of them.";
    }
    if (outcome instanceof EscalationService.Outcome.Already a) {
      return "Escalation #"
          + id
          + " is already "
          + (a.status() == Escalation.Status.RESOLVED ? "resolved" : "acknowledged")
          + ": nothing to do.";
    }
    if (outcome instanceof EscalationService.Outcome.Acknowledged) {
      return "Thanks: you acknowledged escalation #" + id + ".";
    }
    if (outcome instanceof EscalationService.Outcome.SameOwner o) {
      return SlackText.mention(o.owner())
          + " already owns escalation #"
          + id
          + ". Pick someone else, or leave it with them.";
    }
    if (outcome instanceof EscalationService.Outcome.Reassigned r) {
      return "Escalation #" + id + " is now with " + SlackText.mention(r.newOwner()) + ".";
    }
    if (outcome instanceof EscalationService.Outcome.Resolved) {
      return "Escalation #" + id + " is resolved. Thank you!";
    }
    return null;
  }

  static String describe(EscalationService.Link link) {
    return switch (link.kind()) {
      case "backup" -> "the backup " + SlackText.mention(link.userId());
      case "cos" -> "the Chiefs of Staff";
      default -> "the CXO " + SlackText.mention(link.userId());
    };
  }
}
