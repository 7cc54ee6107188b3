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

  public static final String APPROVE = "decision_approve";
  public static final String DECLINE = "decision_decline";
  public static final String DELEGATE = "decision_delegate";
  public static final String MORE = "decision_more";
}
