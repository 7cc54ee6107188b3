package dev.cosbot.pulse;

/** Callback, block and action ids of the pulse feature, in one place. */
public final class PulseIds {
  private PulseIds() {}

  public static final String NEW_SURVEY_VIEW = "pulse_new";
  public static final String ANSWER_VIEW = "pulse_answer";

  public static final String TAKE_SURVEY = "pulse_take";

  /** Prefix of the inline answer buttons of a one-question pulse: {@code pulse_quick_<value>}. */
  public static final String QUICK_ANSWER = "pulse_quick_";

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

  /** Action id of the user-group pickers, whose options cos-bot loads (block suggestions). */
  public static final String GROUP_PICKER = "pulse_group_picker";

  /** The single action id inside each input block. */
  public static final String VALUE = "value";

  /** Block id of question {@code i} in the answer modal. */
  public static String question(int i) {
    return "q" + i;
  }
}
