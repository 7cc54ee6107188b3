package dev.cosbot.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A small read API over the portfolio for other features (digest, home, cadences): plain records,
 * no entities, no Block Kit.
 */
@ApplicationScoped
public class StatusQueries {
  @Inject StatusReports reports;

  /** An initiative as other features see it. */
  public record InitiativeSummary(
      long id,
      String name,
      String team,
      String ownerId,
      String state,
      Rag rag,
      String lastSummary,
      Instant lastUpdateAt,
      boolean stale) {}

  /** Open initiatives, optionally of one team. */
  @Transactional
  public List<InitiativeSummary> portfolio(String team) {
    List<Initiative> list = Initiative.open(team);
    Map<Long, StatusUpdate> last = lastUpdates(list);
    return list.stream().map(i -> summary(i, last.get(i.id))).toList();
  }

  /** Open initiatives the person owns or is DRI of. */
  @Transactional
  public List<InitiativeSummary> ownedBy(String userId) {
    List<Initiative> list = Initiative.openOwnedBy(userId);
    Map<Long, StatusUpdate> last = lastUpdates(list);
    return list.stream().map(i -> summary(i, last.get(i.id))).toList();
  }

  @Transactional
  public Optional<InitiativeSummary> byName(String name) {
    return Initiative.byName(name)
        .map(
            i -> summary(i, i.lastUpdateId == null ? null : StatusUpdate.findById(i.lastUpdateId)));
  }

  /** The rollup between two instants, optionally for one team. */
  public Rollup rollup(Instant from, Instant to, String team) {
    return reports.rollup(from, to, new RollupQueries.Filter(team, null, null));
  }

  /** Red and amber counts per team among open initiatives. */
  @Transactional
  public Map<String, long[]> redAmberByTeam() {
    List<Object[]> rows =
        Initiative.getEntityManager()
            .createQuery(
                "select i.team, i.currentRag, count(i) from Initiative i where i.state = :s and i.currentRag in :rags"
                    + " group by i.team, i.currentRag",
                Object[].class)
            .setParameter("s", Initiative.State.ACTIVE)
            .setParameter("rags", List.of(Rag.RED, Rag.AMBER))
            .getResultList();
    Map<String, long[]> out = new java.util.TreeMap<>();
    for (Object[] row : rows) {
      long[] counts = out.computeIfAbsent((String) row[0], t -> new long[2]);
      counts[row[1] == Rag.RED ? 0 : 1] += (Long) row[2];
    }
    return out;
  }

  static Map<Long, StatusUpdate> lastUpdates(List<Initiative> list) {
    List<Long> ids =
        list.stream().map(i -> i.lastUpdateId).filter(java.util.Objects::nonNull).toList();
    if (ids.isEmpty()) {
      return Map.of();
    }
    return StatusUpdate.<StatusUpdate>list("id in ?1", ids).stream()
        .collect(Collectors.toMap(u -> u.initiativeId, u -> u));
  }

  private static InitiativeSummary summary(Initiative i, StatusUpdate last) {
    return new InitiativeSummary(
        i.id,
        i.name,
        i.team,
        i.ownerId,
        i.state.name(),
        i.currentRag,
        last == null ? null : last.summary,
        last == null ? null : last.postedAt,
        i.staleSince != null);
  }
}
