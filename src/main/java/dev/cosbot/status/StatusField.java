package dev.cosbot.status;

/**
 * The fields of the initiative and update forms, named for the domain: validation and refusals name
 * these, and the edge places them on the modal's blocks ({@link StatusIds#block}).
 */
public enum StatusField {
  NAME,
  DESCRIPTION,
  OWNER,
  TEAM,
  NEW_TEAM,
  DRI,
  SPONSOR,
  TARGET,
  TAGS,
  EVERY,
  DAY,
  TIME,
  CHANNEL,
  STATE,
  RAG,
  SUMMARY,
  PROGRESS,
  RISKS,
  ASKS,
  ASK_TO,
  CONFIDENCE,
  PERCENT
}
