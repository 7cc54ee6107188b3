package dev.cosbot.decision;

/**
 * Where a decision asked of the CXO stands. Every status but OPEN is final and recorded in the log.
 */
public enum DecisionStatus {
  OPEN("Open", ":hourglass_flowing_sand:"),
  APPROVED("Approved", ":white_check_mark:"),
  DECLINED("Declined", ":x:"),
  DELEGATED("Delegated", ":arrow_right:"),
  MORE_INFO("More information asked", ":grey_question:");

  private final String label;
  private final String emoji;

  DecisionStatus(String label, String emoji) {
    this.label = label;
    this.emoji = emoji;
  }

  public String label() {
    return label;
  }

  public String emoji() {
    return emoji;
  }
}
