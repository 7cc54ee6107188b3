package dev.cosbot.escalation;

/**
 * Slack ids (commands, callbacks, blocks, actions) and timer names of the escalation feature, in
 * one place.
 */
public final class EscalationIds {
  private EscalationIds() {}

  public static final String COMMAND = "/escalate";
  public static final String SHORTCUT = "escalate_message";

  public static final String RAISE_VIEW = "escalation_raise";
  public static final String RESOLVE_VIEW = "escalation_resolve";
  public static final String REASSIGN_VIEW = "escalation_reassign";

  public static final String ACK = "escalation_ack";
  public static final String REASSIGN = "escalation_reassign_open";
  public static final String RESOLVE = "escalation_resolve_open";

  public static final String B_TITLE = "esc_title";
  public static final String B_DETAILS = "esc_details";
  public static final String B_SEVERITY = "esc_severity";
  public static final String B_AREA = "esc_area";
  public static final String B_LINK = "esc_link";
  public static final String B_CONFIDENTIAL = "esc_confidential";
  public static final String B_RESOLUTION = "esc_resolution";
  public static final String B_NEW_OWNER = "esc_new_owner";
  public static final String INPUT = "value";
  public static final String ACTIONS_BLOCK = "esc_actions";

  public static final String TIMER_GROUP = "escalation";

  public static String ackTimer(long id) {
    return "ack-" + id;
  }

  public static String resolveTimer(long id) {
    return "resolve-" + id;
  }

  /** Outbox keys: deterministic, so retries, restarts and replicas never send twice. */
  public static String channelKey(long id) {
    return "esc:" + id + ":channel";
  }

  public static String dmKey(long id, String user) {
    return "esc:" + id + ":dm:" + user;
  }

  public static String reporterKey(long id) {
    return "esc:" + id + ":reporter";
  }

  // Outbox idempotency keys: every message of the feature is keyed here, never inline.

  public static String climbKey(long id, int step, String user) {
    return "esc:" + id + ":climb:" + step + ":" + user;
  }

  public static String climbThreadKey(long id, int step) {
    return "esc:" + id + ":climb:" + step + ":thread";
  }

  public static String resolveDueThreadKey(long id) {
    return "esc:" + id + ":resolve-due:thread";
  }

  public static String ackThreadKey(long id) {
    return "esc:" + id + ":ack:thread";
  }

  public static String reassignedKey(long id, int version, String user) {
    return "esc:" + id + ":reassigned:" + version + ":" + user;
  }

  public static String reassignedThreadKey(long id, int version) {
    return "esc:" + id + ":reassigned:" + version + ":thread";
  }

  public static String resolvedThreadKey(long id) {
    return "esc:" + id + ":resolved:thread";
  }

  public static String reporterVersionKey(long id, int version) {
    return "esc:" + id + ":reporter:v" + version;
  }

  /** A copy of the card (by its own key) rewritten for state version {@code version}. */
  public static String cardVersionKey(String cardKey, int version) {
    return cardKey + ":v" + version;
  }

  public static String reporterAckKey(long id) {
    return "esc:" + id + ":reporter:ack";
  }

  public static String reporterReassignedKey(long id, int version) {
    return "esc:" + id + ":reporter:reassigned:" + version;
  }

  public static String reporterResolvedKey(long id) {
    return "esc:" + id + ":reporter:resolved";
  }
}
