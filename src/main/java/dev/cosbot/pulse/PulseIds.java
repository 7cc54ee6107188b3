package dev.cosbot.pulse;

/**
 * Ids of the pulse feature in one place: modal callbacks, buttons, form blocks, timers and the
 * idempotency keys of every message it sends (deterministic: the same event gives the same key).
 */
public final class PulseIds {
  private PulseIds() {}

  // ---------------------------------------------------------------- modals (callback ids)

  public static final String NEW_SURVEY_VIEW = "pulse_new";
  public static final String ANSWER_VIEW = "pulse_answer";

  // ---------------------------------------------------------------- buttons and menus (action ids)

  public static final String TAKE_SURVEY = "pulse_take";

  /** Prefix of the inline answer buttons of a one-question pulse: {@code pulse_quick_<value>}. */
  public static final String QUICK_ANSWER = "pulse_quick_";

  /** Action id of the user-group pickers, whose options cos-bot loads (block suggestions). */
  public static final String GROUP_PICKER = "pulse_group_picker";

  /** The question builder's "Add question" button. */
  public static final String ADD_QUESTION = "pulse_add_question";

  /** The question builder's "Remove" button next to each question (value: its signed index). */
  public static final String REMOVE_QUESTION = "pulse_remove_question";

  /** The template menu of the new-survey form (replaces the builder's questions). */
  public static final String PICK_TEMPLATE = "pulse_pick_template";

  // ---------------------------------------------------------------- form blocks (block ids)

  public static final String TITLE = "pulse_title";
  public static final String TEMPLATE = "pulse_template";
  public static final String QUESTIONS = "pulse_questions";
  public static final String CHANNEL = "pulse_channel";
  public static final String USERGROUP = "pulse_usergroup";
  public static final String PEOPLE = "pulse_people";
  public static final String ANONYMITY = "pulse_anonymity";
  public static final String SCHEDULE = "pulse_schedule";
  public static final String START_DATE = "pulse_start_date";
  public static final String START_TIME = "pulse_start_time";
  public static final String OPEN_FOR = "pulse_open_for";
  public static final String MIN_ANSWERS = "pulse_min_answers";
  public static final String SLICES = "pulse_slices";

  /** Prefixes of the builder's "new question" inputs; suffixed so that each add clears them. */
  public static final String NEW_QUESTION_TEXT = "pulse_nq_text_";

  public static final String NEW_QUESTION_TYPE = "pulse_nq_type_";
  public static final String NEW_QUESTION_OPTIONS = "pulse_nq_options_";
  public static final String NEW_QUESTION_OPTIONAL = "pulse_nq_optional_";

  /** The single action id inside each plain input block. */
  public static final String VALUE = "value";

  /** Block id of question {@code i} in the answer modal. */
  public static String question(int i) {
    return "q" + i;
  }

  // ---------------------------------------------------------------- timers (Quartz job names)

  static String openTimer(long surveyId, Object localStart) {
    return "open:" + surveyId + ":" + localStart;
  }

  static String sendTimer(long roundId, String zone) {
    return "send:" + roundId + ":" + zone;
  }

  static String remindTimer(long roundId) {
    return "remind:" + roundId;
  }

  static String releaseTimer(long roundId) {
    return "release:" + roundId;
  }

  static String closeTimer(long roundId) {
    return "close:" + roundId;
  }

  static String chartTimer(long roundId) {
    return "chart:" + roundId;
  }

  // ---------------------------------------------------------------- outbox idempotency keys

  /** The invitation DM of one person in one round. */
  static String invitationKey(long roundId, String userId) {
    return "pulse:dm:" + roundId + ":" + userId;
  }

  /** The one reminder of one person in one round. */
  static String reminderKey(long roundId, String userId) {
    return "pulse:remind:" + roundId + ":" + userId;
  }

  /** The results DM of a closed round. */
  static String resultsKey(long roundId) {
    return "pulse:results:" + roundId;
  }

  /** The owner's "sending to N people" note when a round opens. */
  static String openedKey(long roundId) {
    return "pulse:opened:" + roundId;
  }

  /** The creator's confirmation of a new survey that starts later. */
  static String scheduledKey(long surveyId) {
    return "pulse:scheduled:" + surveyId;
  }
}
