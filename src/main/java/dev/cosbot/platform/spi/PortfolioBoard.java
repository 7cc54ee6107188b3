package dev.cosbot.platform.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The status feature's initiatives as the dashboard reads them (read-only, one query per call). RAG
 * values are {@code GREEN}, {@code AMBER}, {@code RED} or null when there is no update yet.
 */
public interface PortfolioBoard {
  /** One initiative with its latest update's risks and asks. */
  record InitiativeRow(
      long id,
      String name,
      String team,
      String ownerId,
      String rag,
      boolean paused,
      Instant lastUpdateAt,
      int missedInRow,
      boolean stale,
      String risks,
      String asks,
      String askToId) {}

  /** One posted update. */
  record UpdateRow(
      Instant postedAt,
      String authorId,
      String rag,
      String summary,
      String progress,
      String risks,
      String asks,
      Integer percent) {}

  /** A change of RAG. */
  record RagChange(Instant at, String from, String to) {}

  /** An initiative with its history, newest first. */
  record InitiativeDetail(
      InitiativeRow initiative,
      String description,
      LocalDate targetDate,
      List<UpdateRow> updates,
      List<RagChange> ragTimeline) {}

  /** The worst RAG a team's updates showed in the week starting {@code weekStart} (a Monday). */
  record TeamWeek(String team, LocalDate weekStart, String worstRag) {}

  /** Every initiative that is not done, by team then name. */
  List<InitiativeRow> initiatives();

  /** The initiatives {@code userId} owns or drives (not done). */
  List<InitiativeRow> ownedBy(String userId);

  Optional<InitiativeDetail> initiative(long id);

  /** Per team and week, the worst RAG posted since {@code from}. */
  List<TeamWeek> ragByWeek(Instant from);

  /** Initiatives whose RAG changed since {@code since}, newest change first. */
  List<RagChange> changesSince(Instant since);
}
