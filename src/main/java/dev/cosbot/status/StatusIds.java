package dev.cosbot.status;

/** Callback, block and action ids of the status feature, in one place. */
public final class StatusIds {
  private StatusIds() {}

  public static final String INITIATIVE_MODAL = "status_initiative_modal";
  public static final String UPDATE_MODAL = "status_update_modal";
  public static final String POST_UPDATE_ACTION = "status_post_update";
  public static final String REPORT_ZONE_MODAL = "status_report_zone_modal";
  public static final String SHARE_REPORT_ACTION = "status_share_report";
  public static final String SHARE_REPORT_MODAL = "status_share_report_modal";
  public static final String ASK_REPLY_ACTION = "status_ask_reply";
  public static final String ASK_REPLY_MODAL = "status_ask_reply_modal";
  public static final String ASK_REPLY = "ask_reply";

  /** Share-report modal block: the channel picker. */
  public static final String SHARE_CHANNEL = "share_channel";

  /** Report zone modal block. */
  public static final String REPORT_ZONE = "report_zone";

  /** Every input's element uses this action id; the block id names the field. */
  public static final String VALUE = "v";

  // Initiative modal blocks
  public static final String NAME = "name";
  public static final String DESCRIPTION = "description";
  public static final String OWNER = "owner";
  public static final String TEAM = "team";
  public static final String NEW_TEAM = "new_team";
  public static final String DRI = "dri";
  public static final String SPONSOR = "sponsor";
  public static final String TARGET = "target_date";
  public static final String TAGS = "tags";
  public static final String EVERY = "every_weeks";
  public static final String DAY = "cadence_day";
  public static final String TIME = "cadence_time";
  public static final String CHANNEL = "report_channel";
  public static final String STATE = "state";

  // Update modal blocks
  public static final String RAG = "rag";
  public static final String SUMMARY = "summary";
  public static final String PROGRESS = "progress";
  public static final String RISKS = "risks";
  public static final String ASKS = "asks";
  public static final String ASK_TO = "ask_to";
  public static final String CONFIDENCE = "confidence";
  public static final String PERCENT = "percent";

  /** Signed private_metadata of the "new initiative" form. */
  public static final String NEW_INITIATIVE = "new";

  /** Signed private_metadata of the form that edits initiative {@code id}. */
  public static String editInitiative(long id) {
    return "edit:" + id;
  }

  /** The initiative a signed {@link #editInitiative} metadata names, or -1. */
  static long editedInitiative(String metadata) {
    if (!metadata.startsWith("edit:")) {
      return -1;
    }
    try {
      return Long.parseLong(metadata.substring("edit:".length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The block of the form that holds {@code field}. */
  public static String block(StatusField field) {
    return switch (field) {
      case NAME -> NAME;
      case DESCRIPTION -> DESCRIPTION;
      case OWNER -> OWNER;
      case TEAM -> TEAM;
      case NEW_TEAM -> NEW_TEAM;
      case DRI -> DRI;
      case SPONSOR -> SPONSOR;
      case TARGET -> TARGET;
      case TAGS -> TAGS;
      case EVERY -> EVERY;
      case DAY -> DAY;
      case TIME -> TIME;
      case CHANNEL -> CHANNEL;
      case STATE -> STATE;
      case RAG -> RAG;
      case SUMMARY -> SUMMARY;
      case PROGRESS -> PROGRESS;
      case RISKS -> RISKS;
      case ASKS -> ASKS;
      case ASK_TO -> ASK_TO;
      case CONFIDENCE -> CONFIDENCE;
      case PERCENT -> PERCENT;
    };
  }
}
