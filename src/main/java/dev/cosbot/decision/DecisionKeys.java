package dev.cosbot.decision;

/**
 * Outbox idempotency keys of every decision message, in one place: deterministic, so a retried
 * request, a restart or a second replica never sends twice.
 */
final class DecisionKeys {
  private DecisionKeys() {}

  /** "Your request is with the CXO" to the asker: also the thread of the talk with the asker. */
  static String asked(long id) {
    return "decision-asked:" + id;
  }

  /** The CXO's copy, with the buttons. */
  static String cxoCopy(long id) {
    return "decision:" + id + ":cxo";
  }

  /** A delegate's copy, with the same buttons. */
  static String delegateCopy(long id, String delegate) {
    return "decision:" + id + ":delegate:" + delegate;
  }

  /** The asker is told the outcome (one final outcome per decision). */
  static String outcome(long id) {
    return "decision-outcome:" + id;
  }

  /** The asker is told who it was delegated to. */
  static String delegated(long id, String delegate) {
    return "decision-delegated:" + id + ":" + delegate;
  }

  /** The decider's question to the asker, one per submitted form ({@code submission}). */
  static String moreAsked(long id, String submission) {
    return "decision:" + id + ":more:" + submission;
  }

  /** The same question, shown in the decider's own thread. */
  static String moreAskedEcho(long id, String submission) {
    return "decision:" + id + ":more:" + submission + ":echo";
  }

  /** The asker's reply, to the decider, one per submitted form. */
  static String reply(long id, String submission) {
    return "decision:" + id + ":reply:" + submission;
  }

  /** The asker's reply, shown in the asker's own thread. */
  static String replyEcho(long id, String submission) {
    return "decision:" + id + ":reply:" + submission + ":echo";
  }

  /** A copy rewritten to show where the decision now stands. */
  static String copyUpdate(long copyId, Decision d) {
    return "decision:"
        + d.id
        + ":copy:"
        + copyId
        + ":"
        + d.status.name().toLowerCase(java.util.Locale.ROOT)
        + (d.status == DecisionStatus.DELEGATED ? ":" + d.delegatedTo : "");
  }

  /** A Chief of Staff told that the decision is overdue. */
  static String overdue(long id, String admin) {
    return "decision-overdue:" + id + ":" + admin;
  }
}
