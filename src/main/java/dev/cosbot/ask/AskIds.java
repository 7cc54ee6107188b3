package dev.cosbot.ask;

/** Callback, block and action ids and outbox keys of questions to leadership, in one place. */
public final class AskIds {
  private AskIds() {}

  /** Callback ids of the modals. */
  public static final class Callbacks {
    private Callbacks() {}

    public static final String ASK = "ask_question";
    public static final String VOTE = "ask_vote";
    public static final String MERGE = "ask_merge";
    public static final String EDIT = "ask_edit";
    public static final String DECLINE = "ask_decline";
    public static final String ANSWER = "ask_answer";
    public static final String CONSENT = "ask_consent";
    public static final String NOTE = "ask_note";
    public static final String CONVERSATION_START = "ask_conversation_start";
    public static final String CONVERSATION_WRITER = "ask_conversation_writer";
    public static final String CONVERSATION_COS = "ask_conversation_cos";
  }

  /** Block (and input action) ids inside the modals. */
  public static final class Blocks {
    private Blocks() {}

    public static final String QUESTION = "ask_text";
    public static final String NAMED = "ask_named";
    public static final String VOTE_PREFIX = "ask_vote_";
    public static final String MERGE_INTO = "ask_merge_into";
    public static final String NEW_TEXT = "ask_new_text";
    public static final String REASON = "ask_reason";
    public static final String ANSWER_TEXT = "ask_answer_text";
    public static final String ANSWER_LINK = "ask_answer_link";
    public static final String ANSWER_CHANNEL = "ask_answer_channel";
    public static final String CONSENT = "ask_consent_choice";
    public static final String MESSAGE = "ask_message";
    public static final String SUBJECT = "ask_subject";
    public static final String CLOSE = "ask_close";
  }

  /** Action ids of buttons. */
  public static final class Actions {
    private Actions() {}

    public static final String OPEN_ASK = "ask_open_ask";
    public static final String OPEN_BOARD = "ask_open_board";
    public static final String APPROVE = "ask_approve";
    public static final String MERGE = "ask_open_merge";
    public static final String EDIT = "ask_open_edit";
    public static final String DECLINE = "ask_open_decline";
    public static final String ANSWER = "ask_open_answer";
    public static final String READ_NOTE = "ask_read_note";
    public static final String REPLY_TO_ASKER = "ask_reply_to_asker";
    public static final String COS_REPLY = "ask_conversation_reply";
    public static final String ASK_FROM_MESSAGES_TAB = "ask_from_messages_tab";
  }

  /** Purposes of the keyed hashes and seals (each its own key domain). */
  static final class Purposes {
    private Purposes() {}

    static final String ASKER = "ask asker";
    static final String VOTE = "ask vote";
    static final String NOTE = "ask note";
    static final String NOTE_KEY = "ask note key";
  }

  /** The moderation card of question {@code id} in {@code admin}'s DM. */
  public static String cardKey(long id, String admin) {
    return "ask:card:" + id + ":" + admin;
  }

  /** The {@code version}-th update of that card. */
  public static String cardUpdateKey(long id, String admin, int version) {
    return cardKey(id, admin) + ":v" + version;
  }

  /** A message to the Chief of Staff in conversation {@code id}. */
  public static String conversationKey(long id, String what) {
    return "ask:conversation:" + id + ":" + what;
  }

  /** The answer posted to a channel. */
  public static String answerPostKey(long id) {
    return "ask:answer:" + id;
  }

  /**
   * A note to an asker: the key is a keyed hash (built by the service), so the outbox row names the
   * recipient but not the question.
   */
  public static String noteKey(String hash) {
    return "ask:note:" + hash;
  }
}
