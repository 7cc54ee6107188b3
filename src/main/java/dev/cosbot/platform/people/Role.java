package dev.cosbot.platform.people;

/** What a person may do in cos-bot. */
public enum Role {
  /** Everyone in the workspace. */
  MEMBER,
  /** A Chief of Staff: runs the bot. */
  ADMIN,
  /** The executive the Chief of Staff works for. */
  CXO
}
