package dev.cosbot.ask;

/** What a sealed note to an asker is about. */
public enum NoteKind {
  APPROVED,
  MERGED,
  EDIT,
  DECLINED,
  ANSWERED
}
