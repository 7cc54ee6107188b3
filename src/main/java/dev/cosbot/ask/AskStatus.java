package dev.cosbot.ask;

/** Where a question to leadership stands. */
public enum AskStatus {
  /** Waiting for a Chief of Staff (possibly for the asker's consent to a new wording). */
  PENDING,
  /** Approved: on the board, open for up-votes, waiting for an answer. */
  OPEN,
  /** A duplicate: folded into another question, whose answer its asker receives. */
  MERGED,
  /** Not taken up; the asker was told why. */
  DECLINED,
  /** Answered (at the all-hands or otherwise); the asker was told. */
  ANSWERED
}
