package dev.cosbot.decision;

/** Callback, block and action ids of the decision feature, in one place. */
public final class DecisionIds {
  private DecisionIds() {}

  /** The "ask the CXO for a decision" modal. */
  public static final String ASK_CALLBACK = "decision_ask";

  /** The modal for Delegate and Ask for more (private_metadata {@code <action>:<decision id>}). */
  public static final String OUTCOME_CALLBACK = "decision_outcome";

  public static final String QUESTION = "decision_question";
  public static final String CONTEXT = "decision_context";
  public static final String OPTIONS = "decision_options";
  public static final String NEEDED_BY = "decision_needed_by";
  public static final String ABOUT = "decision_about";
  public static final String LINK = "decision_link";
  public static final String DELEGATE_TO = "decision_delegate_to";
  public static final String NOTE = "decision_note";

  /** Every decision action id starts with this. */
  public static final String PREFIX = "decision_";

  /** The confirmation of a choice (private_metadata {@code <id>:<option index>}, signed). */
  public static final String CHOOSE_CALLBACK = "decision_choose_confirm";

  /** The asker's answer to "Ask for more" (private_metadata: the signed id). */
  public static final String REPLY_CALLBACK = "decision_reply_submit";

  /** An option button: {@code decision_choose_<index>}; plain {@code decision_choose}: a list. */
  public static final String CHOOSE = "decision_choose";

  /** The Reply button on a question to the asker. */
  public static final String REPLY = "decision_reply";

  public static final String CHOICE = "decision_choice";
  public static final String REPLY_TEXT = "decision_reply_text";
  public static final String ACTIONS_BLOCK = "decision_actions";

  /** Buttons of messages sent before options became choices. */
  public static final String APPROVE = "decision_approve";

  public static final String DECLINE = "decision_decline";
  public static final String DELEGATE = "decision_delegate";
  public static final String MORE = "decision_more";
}
