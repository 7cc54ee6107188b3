package dev.cosbot.decision;

/**
 * Where a decision asked of the CXO stands. OPEN waits for the CXO, DELEGATED for the delegate; the
 * others are final and recorded in the log.
 */
public enum DecisionStatus {
  OPEN("Open", ":hourglass_flowing_sand:"),
  APPROVED("Approved", ":white_check_mark:"),
  DECLINED("Declined", ":x:"),
  DELEGATED("Delegated", ":arrow_right:"),
  /** Older requests closed by "Ask for more"; asking for more now keeps a request open. */
  MORE_INFO("More information asked", ":grey_question:"),
  /** One of the asker's options was chosen. */
  DECIDED("Decided", ":white_check_mark:");

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
