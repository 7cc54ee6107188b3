package dev.cosbot.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds a {@link Rollup} with four indexed queries on a plain JDBC connection (shared by the
 * service and the benchmark): open initiatives joined to their latest update by primary key, RAG
 * events, missing/away periods and updates in the window by their time indexes.
 */
public final class RollupQueries {
  /** Open initiatives and their latest update; {@code %s} is the optional filter. */
  public static final String PORTFOLIO_SQL =
      "SELECT i.id, i.name, i.team, i.owner_id, i.state, i.current_rag, i.stale_since, i.missed_in_row,"
          + " u.summary, u.posted_at, u.percent, u.confidence, u.risks,"
          // An ask its addressee replied to is no longer open.
          + " CASE WHEN u.ask_replied_at IS NULL THEN u.asks END AS asks, u.ask_to"
          + " FROM status_initiative i LEFT JOIN LATERAL"
          // LIMIT 1 keeps this a per-row primary-key lookup: otherwise the planner hashes the whole
          // update table.
          + " (SELECT * FROM status_update x WHERE x.id = i.last_update_id LIMIT 1) u ON true"
          // No ORDER BY: sorting 2,000 rows by locale collation costs more than the whole query;
          // Java sorts.
          + " WHERE i.state <> 'DONE'%s";

  public static final String EVENTS_SQL =
      "SELECT initiative_id, from_rag, to_rag, changed_at FROM status_rag_event"
          + " WHERE changed_at >= ? AND changed_at < ? ORDER BY changed_at";

  public static final String GAPS_SQL =
      "SELECT initiative_id, due_at, state FROM status_period"
          + " WHERE due_at >= ? AND due_at < ? AND state IN ('MISSING', 'AWAY') ORDER BY due_at";

  public static final String UPDATED_SQL =
      "SELECT DISTINCT initiative_id FROM status_update WHERE posted_at >= ? AND posted_at < ?";

  /** What to include: everything, one team, one initiative or one report channel. */
  public record Filter(String team, Long initiativeId, String channel) {
    public static Filter all() {
      return new Filter(null, null, null);
    }

    String sql() {
      if (initiativeId != null) {
        return " AND i.id = ?";
      }
      if (channel != null) {
        return " AND i.report_channel = ?";
      }
      if (team != null) {
        return " AND lower(i.team) = ?";
      }
      return "";
    }

    String describe() {
      if (initiativeId != null) {
        return "initiative";
      }
      if (channel != null) {
        return "channel " + channel;
      }
      return team != null ? "team " + team : "portfolio";
    }
  }

  private RollupQueries() {}

  public static Rollup build(Connection c, Instant from, Instant to, Filter filter)
      throws SQLException {
    Map<Long, Rollup.Line> lines = new LinkedHashMap<>();
    Map<Long, String[]> riskAsk = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(String.format(PORTFOLIO_SQL, filter.sql()))) {
      if (filter.initiativeId() != null) {
        ps.setLong(1, filter.initiativeId());
      } else if (filter.channel() != null) {
        ps.setString(1, filter.channel());
      } else if (filter.team() != null) {
        ps.setString(1, filter.team().trim().toLowerCase(Locale.ROOT));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          Rag rag = rs.getString(6) == null ? null : Rag.valueOf(rs.getString(6));
          Timestamp posted = rs.getTimestamp(10);
          Integer percent = (Integer) rs.getObject(11);
          lines.put(
              id,
              new Rollup.Line(
                  id,
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rag,
                  rs.getString(9),
                  posted == null ? null : posted.toInstant(),
                  percent,
                  rs.getString(12),
                  rs.getTimestamp(7) != null,
                  rs.getInt(8)));
          riskAsk.put(id, new String[] {rs.getString(13), rs.getString(14), rs.getString(15)});
        }
      }
    }
    lines = sortByTeamAndName(lines);
    List<Rollup.Change> changes = new ArrayList<>();
    try (PreparedStatement ps = window(c, EVENTS_SQL, from, to);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Rollup.Line l = lines.get(rs.getLong(1));
        if (l != null) {
          changes.add(
              new Rollup.Change(
                  l.id(),
                  l.name(),
                  l.team(),
                  rs.getString(2) == null ? null : Rag.valueOf(rs.getString(2)),
                  Rag.valueOf(rs.getString(3)),
                  rs.getTimestamp(4).toInstant()));
        }
      }
    }
    // Worst transitions first (to red before to amber), then the most recent.
    changes.sort(
        Comparator.comparing((Rollup.Change ch) -> -ch.to().severity())
            .thenComparing(Rollup.Change::at, Comparator.reverseOrder()));
    List<Rollup.Gap> gaps = new ArrayList<>();
    try (PreparedStatement ps = window(c, GAPS_SQL, from, to);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Rollup.Line l = lines.get(rs.getLong(1));
        if (l != null) {
          gaps.add(
              new Rollup.Gap(
                  l.id(),
                  l.name(),
                  l.team(),
                  l.ownerId(),
                  rs.getTimestamp(2).toInstant(),
                  rs.getString(3)));
        }
      }
    }
    Set<Long> changedIds =
        changes.stream().map(Rollup.Change::initiativeId).collect(Collectors.toSet());
    List<Rollup.Line> updated = new ArrayList<>();
    try (PreparedStatement ps = window(c, UPDATED_SQL, from, to);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Rollup.Line l = lines.get(rs.getLong(1));
        if (l != null && !changedIds.contains(l.id())) {
          updated.add(l);
        }
      }
    }
    updated.sort(Comparator.comparing(Rollup.Line::team).thenComparing(Rollup.Line::name));
    return assemble(from, to, filter.describe(), lines, riskAsk, changes, updated, gaps);
  }

  private static Map<Long, Rollup.Line> sortByTeamAndName(Map<Long, Rollup.Line> lines) {
    Map<Long, Rollup.Line> sorted = new LinkedHashMap<>();
    lines.values().stream()
        .sorted(
            Comparator.comparing(Rollup.Line::team, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Rollup.Line::name, String.CASE_INSENSITIVE_ORDER))
        .forEach(l -> sorted.put(l.id(), l));
    return sorted;
  }

  private static PreparedStatement window(Connection c, String sql, Instant from, Instant to)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    ps.setTimestamp(1, Timestamp.from(from));
    ps.setTimestamp(2, Timestamp.from(to));
    return ps;
  }

  private static Rollup assemble(
      Instant from,
      Instant to,
      String scope,
      Map<Long, Rollup.Line> lines,
      Map<Long, String[]> riskAsk,
      List<Rollup.Change> changes,
      List<Rollup.Line> updated,
      List<Rollup.Gap> gaps) {
    List<Rollup.RagGroup> groups = new ArrayList<>();
    int[] count = new int[4];
    for (Rag rag : new Rag[] {Rag.RED, Rag.AMBER, Rag.GREEN, null}) {
      Map<String, List<Rollup.Line>> byTeam = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      int n = 0;
      for (Rollup.Line l : lines.values()) {
        if (l.rag() == rag) {
          byTeam.computeIfAbsent(l.team(), t -> new ArrayList<>()).add(l);
          n++;
        }
      }
      count[rag == null ? 3 : rag.ordinal()] = n;
      if (n > 0) {
        groups.add(
            new Rollup.RagGroup(
                rag,
                n,
                byTeam.entrySet().stream()
                    .map(e -> new Rollup.TeamGroup(e.getKey(), e.getValue()))
                    .toList()));
      }
    }
    List<Rollup.Line> stale = lines.values().stream().filter(Rollup.Line::stale).toList();
    List<Rollup.Risk> risks = new ArrayList<>();
    List<Rollup.Ask> asks = new ArrayList<>();
    for (Rollup.Line l : lines.values()) {
      String[] ra = riskAsk.get(l.id());
      if (ra[0] != null && !ra[0].isBlank() && l.rag() != null && l.rag() != Rag.GREEN) {
        risks.add(new Rollup.Risk(l.id(), l.name(), l.team(), l.rag(), ra[0]));
      }
      if (ra[1] != null && !ra[1].isBlank()) {
        asks.add(
            new Rollup.Ask(
                l.id(), l.name(), l.team(), l.ownerId(), ra[2], ra[1], l.lastUpdateAt()));
      }
    }
    Map<Long, Instant> lastAt = new HashMap<>();
    lines
        .values()
        .forEach(
            l -> lastAt.put(l.id(), l.lastUpdateAt() == null ? Instant.EPOCH : l.lastUpdateAt()));
    risks.sort(
        Comparator.comparing((Rollup.Risk r) -> -r.rag().severity())
            .thenComparing(r -> lastAt.get(r.initiativeId()), Comparator.reverseOrder()));
    asks.sort(
        Comparator.comparing(Rollup.Ask::at, Comparator.nullsLast(Comparator.reverseOrder())));
    int missing = (int) gaps.stream().filter(g -> "MISSING".equals(g.state())).count();
    int away = gaps.size() - missing;
    Rollup.Counts counts =
        new Rollup.Counts(
            lines.size(), count[0], count[1], count[2], count[3], missing, away, stale.size());
    return new Rollup(from, to, scope, counts, groups, changes, updated, gaps, stale, risks, asks);
  }
}
