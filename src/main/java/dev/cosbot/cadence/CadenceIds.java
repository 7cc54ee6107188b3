package dev.cosbot.cadence;

/** Callback, block and action ids of the cadence feature, in one place. */
public final class CadenceIds {
  private CadenceIds() {}

  public static final String NEW_CALLBACK = "cadence_new";

  public static final String B_NAME = "cadence_name";
  public static final String B_OWNER = "cadence_owner";
  public static final String B_KIND = "cadence_kind";
  public static final String B_START = "cadence_start";
  public static final String B_TIME = "cadence_time";
  public static final String B_ZONE = "cadence_zone";
  public static final String B_RRULE = "cadence_rrule";
  public static final String B_CHANNEL = "cadence_channel";
  public static final String B_PEOPLE = "cadence_people";
  public static final String B_MESSAGE = "cadence_message";
  public static final String B_LEADS = "cadence_leads";
  public static final String B_CHECKLIST = "cadence_checklist";
  public static final String B_PREVIEW = "cadence_preview";
  public static final String B_PREVIEW_ACTIONS = "cadence_preview_actions";

  /** The action id inside every input block (the block id tells them apart). */
  public static final String A_INPUT = "value";

  public static final String A_PREVIEW = "cadence_preview";
  public static final String A_TOGGLE_TASK = "cadence_task_toggle";

  /** Workspace setting holding the calendar feed token. */
  public static final String FEED_TOKEN_SETTING = "cadence.calendar_token";
}
