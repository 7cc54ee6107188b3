package dev.cosbot.escalation;

import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.slack.SlackReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Read-only queries over escalations for the command, the REST API, the digest and other features.
 */
@ApplicationScoped
public class EscalationReads {
  @Inject EntityManager em;
  @Inject SlackReads slack;

  @Transactional
  public Optional<Escalation> find(long id) {
    return Escalation.findByIdOptional(id);
  }

  /** Not yet resolved, most severe and oldest first. */
  @Transactional
  public List<Escalation> unresolved() {
    return Escalation.unresolved();
  }

  /** Unresolved ones the person raised, owns, or was sent. */
  @Transactional
  public List<Escalation> mine(String userId) {
    return Escalation.unresolved().stream()
        .filter(
            e ->
                userId.equals(e.reporter)
                    || userId.equals(e.ownerUser)
                    || e.notifiedUsers().contains(userId))
        .toList();
  }

  @Transactional
  public List<Escalation> unresolvedInArea(String area) {
    return Escalation.unresolved().stream()
        .filter(e -> e.area.equalsIgnoreCase(area.trim()))
        .toList();
  }

  @Transactional
  public List<Escalation> resolvedSince(Instant since) {
    return Escalation.resolvedSince(since);
  }

  /**
   * All non-confidential escalations, newest first, optionally filtered (for the admin API: its
   * token is a machine credential, nobody in particular, so it sees no confidential escalation).
   */
  @Transactional
  public List<Escalation> all(String status, String area, int limit) {
    StringBuilder q = new StringBuilder("confidential = false");
    List<Object> params = new ArrayList<>();
    if (status != null && !status.isBlank()) {
      params.add(Escalation.Status.valueOf(status.trim().toUpperCase(Locale.ROOT)));
      q.append(" and status = ?").append(params.size());
    }
    if (area != null && !area.isBlank()) {
      params.add(area.trim().toLowerCase(Locale.ROOT));
      q.append(" and lower(area) = ?").append(params.size());
    }
    q.append(" order by createdAt desc");
    return Escalation.<Escalation>find(q.toString(), params.toArray()).page(0, limit).list();
  }

  @Transactional
  public List<EscalationAudit> audit(long id) {
    return EscalationAudit.of(id);
  }

  /** Chain steps taken: step number and target, in order. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<Object[]> steps(long id) {
    return em.createNativeQuery(
            "SELECT step, target, taken_at FROM escalation_step WHERE escalation_id = ?1 ORDER BY step")
        .setParameter(1, id)
        .getResultList();
  }

  /**
   * Area statistics of non-confidential escalations: counts, and time to acknowledge / resolve in
   * seconds (average and median).
   */
  public record AreaStats(
      String area,
      long total,
      long open,
      long acknowledged,
      long resolved,
      Double avgAckSeconds,
      Double medianAckSeconds,
      Double avgResolveSeconds,
      Double medianResolveSeconds) {}

  @Transactional
  @SuppressWarnings("unchecked")
  public List<AreaStats> stats() {
    List<Object[]> rows =
        em.createNativeQuery(
                """
        SELECT area, count(*),
               count(*) FILTER (WHERE status <> 'RESOLVED'),
               count(acknowledged_at),
               count(resolved_at),
               avg(extract(epoch FROM acknowledged_at - created_at)),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - created_at)),
               avg(extract(epoch FROM resolved_at - created_at)),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at))
        FROM escalation WHERE NOT confidential GROUP BY area ORDER BY area""")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new AreaStats(
                    (String) r[0],
                    num(r[1]),
                    num(r[2]),
                    num(r[3]),
                    num(r[4]),
                    dbl(r[5]),
                    dbl(r[6]),
                    dbl(r[7]),
                    dbl(r[8])))
        .toList();
  }

  /**
   * Whether {@code viewer} may know the escalation exists at all. A confidential one exists only
   * for its reporter, its owner (and whoever the chain sent it to), and the Chiefs of Staff; for
   * everyone else it leaves no trace — no line, no count, no area.
   */
  public static boolean visibleTo(Caller viewer, Escalation e) {
    return !e.confidential
        || viewer.isAdmin()
        || viewer.userId().equals(e.reporter)
        || viewer.userId().equals(e.ownerUser)
        || e.notifiedUsers().contains(viewer.userId());
  }

  /** The escalations {@code viewer} may know of, in the given order. */
  public static List<Escalation> visible(Caller viewer, List<Escalation> items) {
    return items.stream().filter(e -> visibleTo(viewer, e)).toList();
  }

  /**
   * The defined areas: the routing rules' areas (one spelling each, whatever the case) and "Other".
   */
  @Transactional
  public List<String> areas() {
    java.util.TreeMap<String, String> byKey = new java.util.TreeMap<>();
    for (String a :
        em.createQuery(
                "select r.area from EscalationRoute r where r.area is not null order by r.id",
                String.class)
            .getResultList()) {
      if (!a.isBlank()) {
        byKey.putIfAbsent(a.strip().toLowerCase(Locale.ROOT), a.strip());
      }
    }
    byKey.remove(OTHER.toLowerCase(Locale.ROOT));
    List<String> out = new ArrayList<>(byKey.values());
    out.add(OTHER);
    return out;
  }

  /** The catch-all area offered in every form. */
  public static final String OTHER = "Other";

  /** An area as people typed or picked it, in the defined spelling when it is a defined area. */
  public String canonicalArea(String area) {
    String a = area == null ? "" : area.strip();
    return areas().stream().filter(x -> x.equalsIgnoreCase(a)).findFirst().orElse(a);
  }

  /** Members of a Slack user group (empty when Slack cannot tell). */
  public List<String> groupMembers(String groupId) {
    return slack
        .read("usergroups.users.list", c -> c.usergroupsUsersList(r -> r.usergroup(groupId)))
        .map(r -> r.getUsers() == null ? List.<String>of() : r.getUsers())
        .orElse(List.of());
  }

  private static long num(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }

  private static Double dbl(Object o) {
    return o == null ? null : ((Number) o).doubleValue();
  }
}
