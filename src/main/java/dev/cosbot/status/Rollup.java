package dev.cosbot.status;

import java.time.Instant;
import java.util.List;

/**
 * The portfolio between {@code from} and {@code to}: every open initiative with its latest status,
 * grouped by RAG and team, what changed (RAG transitions first), missing and stale updates, top
 * risks and open asks. Served as JSON by the API and rendered as blocks by {@link StatusBlocks}.
 */
public record Rollup(
    Instant from,
    Instant to,
    String scope,
    Counts counts,
    List<RagGroup> groups,
    List<Change> changes,
    List<Line> updated,
    List<Gap> missing,
    List<Line> stale,
    List<Risk> topRisks,
    List<Ask> openAsks) {

  /** An open initiative and its latest update (rag null: no update yet). */
  public record Line(
      long id,
      String name,
      String team,
      String ownerId,
      String state,
      Rag rag,
      String summary,
      Instant lastUpdateAt,
      Integer percent,
      String confidence,
      boolean stale,
      int missedInRow) {}

  /** Initiatives of one RAG (null: no update yet), by team. */
  public record RagGroup(Rag rag, int count, List<TeamGroup> teams) {}

  public record TeamGroup(String team, List<Line> initiatives) {}

  /** A RAG transition. */
  public record Change(long initiativeId, String name, String team, Rag from, Rag to, Instant at) {}

  /** A period without an update: MISSING, or AWAY when the owner's Slack status said so. */
  public record Gap(
      long initiativeId, String name, String team, String ownerId, Instant dueAt, String state) {}

  public record Risk(long initiativeId, String name, String team, Rag rag, String text) {}

  public record Ask(
      long initiativeId,
      String name,
      String team,
      String ownerId,
      String askTo,
      String text,
      Instant at) {}

  public record Counts(
      int initiatives,
      int green,
      int amber,
      int red,
      int noUpdate,
      int missing,
      int away,
      int stale) {}
}
