package dev.cosbot.status;

import dev.cosbot.platform.spi.PortfolioBoard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The dashboard's read-only view of initiatives and their updates. */
@ApplicationScoped
public class StatusPortfolioBoard implements PortfolioBoard {
  private static final String ROWS =
      "SELECT i.id, i.name, i.team, i.owner_id, i.current_rag, i.state, u.posted_at,"
          + " i.missed_in_row, i.stale_since, u.risks, u.asks, u.ask_to"
          + " FROM status_initiative i LEFT JOIN LATERAL"
          + " (SELECT * FROM status_update x WHERE x.id = i.last_update_id LIMIT 1) u ON true"
          + " WHERE i.state <> 'DONE'";

  @Inject EntityManager em;

  @Override
  @Transactional
  public List<InitiativeRow> initiatives() {
    List<InitiativeRow> rows = rows(em.createNativeQuery(ROWS).getResultList());
    List<InitiativeRow> sorted = new ArrayList<>(rows);
    sorted.sort(
        Comparator.comparing((InitiativeRow r) -> r.team() == null ? "" : r.team().toLowerCase())
            .thenComparing(r -> r.name().toLowerCase()));
    return sorted;
  }

  @Override
  @Transactional
  public List<InitiativeRow> ownedBy(String userId) {
    return rows(
        em.createNativeQuery(ROWS + " AND (i.owner_id = ?1 OR i.dri_id = ?1) ORDER BY i.name")
            .setParameter(1, userId)
            .getResultList());
  }

  @Override
  @Transactional
  public Optional<InitiativeDetail> initiative(long id) {
    List<InitiativeRow> found =
        rows(em.createNativeQuery(ROWS + " AND i.id = ?1").setParameter(1, id).getResultList());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Initiative i = Initiative.findById(id);
    List<UpdateRow> updates =
        StatusUpdate.<StatusUpdate>list("initiativeId = ?1 order by postedAt desc", id).stream()
            .map(
                u ->
                    new UpdateRow(
                        u.postedAt,
                        u.authorId,
                        u.rag == null ? null : u.rag.name(),
                        u.summary,
                        u.progress,
                        u.risks,
                        u.asks,
                        u.percent))
            .toList();
    List<RagChange> timeline =
        RagEvent.<RagEvent>list("initiativeId = ?1 order by changedAt desc", id).stream()
            .map(e -> new RagChange(e.changedAt, name(e.fromRag), name(e.toRag)))
            .toList();
    return Optional.of(
        new InitiativeDetail(found.get(0), i.description, i.targetDate, updates, timeline));
  }

  @Override
  @Transactional
  @SuppressWarnings("unchecked")
  public List<TeamWeek> ragByWeek(Instant from) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT coalesce(i.team, ''), date_trunc('week', u.posted_at AT TIME ZONE 'UTC'),"
                    + " max(CASE u.rag WHEN 'RED' THEN 3 WHEN 'AMBER' THEN 2 ELSE 1 END)"
                    + " FROM status_update u JOIN status_initiative i ON i.id = u.initiative_id"
                    + " WHERE u.posted_at >= ?1 GROUP BY 1, 2 ORDER BY 1, 2")
            .setParameter(1, Timestamp.from(from))
            .getResultList();
    List<TeamWeek> weeks = new ArrayList<>();
    for (Object[] r : rows) {
      int worst = ((Number) r[2]).intValue();
      weeks.add(
          new TeamWeek(
              (String) r[0], localDate(r[1]), worst == 3 ? "RED" : worst == 2 ? "AMBER" : "GREEN"));
    }
    return weeks;
  }

  @Override
  @Transactional
  public List<RagChange> changesSince(Instant since) {
    return RagEvent.<RagEvent>list("changedAt >= ?1 order by changedAt desc", since).stream()
        .map(e -> new RagChange(e.changedAt, name(e.fromRag), name(e.toRag)))
        .toList();
  }

  private static String name(Rag rag) {
    return rag == null ? null : rag.name();
  }

  private static List<InitiativeRow> rows(List<?> result) {
    List<InitiativeRow> rows = new ArrayList<>(result.size());
    for (Object o : result) {
      Object[] r = (Object[]) o;
      rows.add(
          new InitiativeRow(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              r[4] == null ? null : r[4].toString(),
              "PAUSED".equals(String.valueOf(r[5])),
              instant(r[6]),
              r[7] == null ? 0 : ((Number) r[7]).intValue(),
              r[8] != null,
              (String) r[9],
              (String) r[10],
              (String) r[11]));
    }
    return rows;
  }

  static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Instant i) {
      return i;
    }
    if (o instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (o instanceof java.time.LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    }
    return ((Timestamp) o).toInstant();
  }

  private static LocalDate localDate(Object o) {
    if (o instanceof java.time.LocalDateTime t) {
      return t.toLocalDate();
    }
    if (o instanceof Timestamp t) {
      return t.toLocalDateTime().toLocalDate();
    }
    return instant(o).atZone(ZoneOffset.UTC).toLocalDate();
  }
}
