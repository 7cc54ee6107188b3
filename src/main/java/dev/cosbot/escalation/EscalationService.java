package dev.cosbot.escalation;

import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.scheduler.Schedules;
import dev.cosbot.platform.support.SlackText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Raising, routing, working and climbing escalations. One transaction per action: the state change,
 * its audit event, its Slack messages (outbox) and its timers (Quartz, jdbc-cmt) commit together.
 */
@ApplicationScoped
public class EscalationService {
  private static final Logger LOG = Logger.getLogger(EscalationService.class);
  static final String BOT = "cos-bot";

  @Inject Clock clock;
  @Inject Outbox outbox;
  @Inject Schedules schedules;
  @Inject Roles roles;
  @Inject EscalationReads reads;
  @Inject EscalationSettings settings;
  @Inject EntityManager em;
  @Inject EscalationNotices notices;

  /** What the reporter filled in. */
  public record Draft(
      String title,
      String details,
      Severity severity,
      String area,
      String link,
      boolean confidential) {}

  /** One link of the chain above the owner. */
  public record Link(String kind, String userId) {}

  /**
   * What became of an action on an escalation; {@link EscalationNotices#answer} words it for the
   * person who acted.
   */
  public sealed interface Outcome {
    long id();

    /** No such escalation (or a tampered id). */
    record NotFound(long id) implements Outcome {}

    /** The caller is neither owner, Chief of Staff nor CXO; {@code escalation} names the owner. */
    record NotAllowed(long id, Escalation escalation) implements Outcome {}

    /** Nothing to do: it is already in {@code status}. */
    record Already(long id, Escalation.Status status) implements Outcome {}

    record Acknowledged(long id) implements Outcome {}

    record Reassigned(long id, String newOwner) implements Outcome {}

    /** Reassigning to the person who already owns it: nothing to do. */
    record SameOwner(long id, String owner) implements Outcome {}

    record Resolved(long id) implements Outcome {}

    /** The caller may act on it: {@code escalation} is loaded for a form. */
    record Actionable(long id, Escalation escalation) implements Outcome {}
  }

  public Sla ackSla(Severity s) {
    return Sla.parse(
        target(
            s,
            "ack",
            switch (s) {
              case S1 -> settings.s1Ack();
              case S2 -> settings.s2Ack();
              case S3 -> settings.s3Ack();
            }));
  }

  /** The workspace setting that holds a target set on the dashboard. */
  static String slaKey(Severity s, String kind) {
    return "escalation.sla." + s.name().toLowerCase(java.util.Locale.ROOT) + "." + kind;
  }

  /**
   * A target a Chief of Staff set on the dashboard wins over the deployment's configuration; it
   * applies to the clocks started from then on.
   */
  private static String target(Severity s, String kind, String configured) {
    return io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting()
        .call(() -> dev.cosbot.platform.people.WorkspaceSetting.get(slaKey(s, kind)))
        .orElse(configured);
  }

  /** Each severity's acknowledgement target, for the raise form. */
  public Map<Severity, Sla> ackSlas() {
    Map<Severity, Sla> out = new java.util.EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      out.put(s, ackSla(s));
    }
    return out;
  }

  public Sla resolveSla(Severity s) {
    return Sla.parse(
        target(
            s,
            "resolve",
            switch (s) {
              case S1 -> settings.s1Resolve();
              case S2 -> settings.s2Resolve();
              case S3 -> settings.s3Resolve();
            }));
  }

  ZoneId zone() {
    return ZoneId.of(settings.businessZone());
  }

  // --- Raising -------------------------------------------------------------------------------

  /** How many escalations {@code reporter} raised in the last hour (the per-person limit). */
  @Transactional
  public boolean overHourlyLimit(String reporter) {
    long recent =
        Escalation.count(
            "reporter = ?1 and createdAt > ?2",
            reporter,
            clock.instant().minus(java.time.Duration.ofHours(1)));
    return recent >= settings.maxPerPersonPerHour();
  }

  @Transactional
  public Escalation raise(String reporter, Draft d) {
    Instant now = clock.instant();
    Escalation e = new Escalation();
    e.title = d.title();
    e.details = d.details();
    e.severity = d.severity();
    // One spelling per defined area ("security" and "Security" are one area).
    e.area = reads.canonicalArea(d.area());
    e.link = d.link();
    e.confidential = d.confidential();
    e.reporter = reporter;
    e.status = Escalation.Status.OPEN;
    e.createdAt = now;
    e.ackDueAt = ackSla(d.severity()).after(now, zone());
    e.resolveDueAt = resolveSla(d.severity()).after(now, zone());
    e.nextClimbAt = e.ackDueAt;
    Optional<EscalationRoute> route =
        EscalationRouting.match(EscalationRoute.ordered(), d.area(), d.title(), d.details());
    if (route.isPresent()) {
      EscalationRoute r = route.get();
      e.routeId = r.id;
      e.routeLabel = EscalationRouting.label(r);
      e.ownerUser = r.ownerUser;
      e.ownerGroup = r.ownerGroup;
      e.channelId = r.channelId;
      e.backupUser = r.backupUser;
    } else {
      e.routeLabel = EscalationRouting.DEFAULT_LABEL;
    }
    e.routeLabel = SlackText.cut(e.routeLabel, 200);
    e.threadKey = EscalationIds.reporterKey(0); // replaced below, once the id is known
    e.persist();
    em.flush();

    boolean inChannel = !e.confidential && e.channelId != null;
    // A user group with a channel shares the one card there (the group is mentioned): no DM each.
    List<String> owners =
        inChannel && e.ownerUser == null && e.ownerGroup != null ? List.of() : ownerRecipients(e);
    Set<String> dms = new LinkedHashSet<>(owners);
    if (e.confidential) {
      dms.addAll(roles.admins());
    }
    if (inChannel) {
      e.threadKey = EscalationIds.channelKey(e.id);
    } else if (!dms.isEmpty()) {
      e.threadKey = EscalationIds.dmKey(e.id, dms.iterator().next());
    } else {
      e.threadKey = EscalationIds.reporterKey(e.id);
    }
    dms.forEach(e::addNotified);
    outbox.enqueueAll(notices.raised(e, owners, dms, inChannel, ackSla(e.severity)));
    if (inChannel) {
      keepCard(e, EscalationIds.channelKey(e.id));
    }
    dms.forEach(user -> keepCard(e, EscalationIds.dmKey(e.id, user)));
    audit(
        e,
        reporter,
        "CREATED",
        e.severity.name()
            + " in "
            + e.area
            + (e.confidential ? " (confidential)" : "")
            + "; routed by "
            + e.routeLabel
            + " to "
            + String.join(", ", dms)
            + (inChannel ? " and " + e.channelId : ""));
    schedules.once(
        EscalationIds.TIMER_GROUP,
        EscalationIds.ackTimer(e.id) + "-1",
        e.nextClimbAt,
        EscalationClimbJob.class,
        Map.of("escalationId", String.valueOf(e.id), "step", "1"));
    schedules.once(
        EscalationIds.TIMER_GROUP,
        EscalationIds.resolveTimer(e.id),
        e.resolveDueAt,
        EscalationResolveDueJob.class,
        Map.of("escalationId", String.valueOf(e.id)));
    LOG.infof(
        "Escalation #%d (%s, %s) raised, routed by %s", e.id, e.severity, e.area, e.routeLabel);
    return e;
  }

  /**
   * Who owns it, as people to DM: the owner, the group's members, or the Chiefs of Staff by
   * default.
   */
  List<String> ownerRecipients(Escalation e) {
    if (e.ownerUser != null) {
      return List.of(e.ownerUser);
    }
    if (e.ownerGroup != null) {
      List<String> members = reads.groupMembers(e.ownerGroup);
      if (!members.isEmpty()) {
        return members.size() > 20 ? members.subList(0, 20) : members;
      }
    }
    return roles.admins();
  }

  /** The chain above the owner: backup (if any), the Chiefs of Staff, the CXO (if named). */
  public List<Link> chain(Escalation e) {
    List<Link> chain = new ArrayList<>();
    if (e.backupUser != null && !e.backupUser.equals(e.ownerUser)) {
      chain.add(new Link("backup", e.backupUser));
    }
    if (e.ownerUser != null || e.ownerGroup != null) {
      chain.add(new Link("cos", null));
    }
    roles.cxo().ifPresent(cxo -> chain.add(new Link("cxo", cxo)));
    return chain;
  }

  // --- Climbing ------------------------------------------------------------------------------

  /**
   * Takes chain step {@code step} if the escalation is still unacknowledged and the step is due.
   * Idempotent: the (escalation, step) row is inserted once, so a re-fired or concurrent timer does
   * nothing. Returns true when this call took the step.
   */
  @Transactional
  public boolean climb(long id, int step) {
    Escalation e = Escalation.findById(id);
    if (e == null
        || e.status != Escalation.Status.OPEN
        || e.chainStep >= step
        || e.nextClimbAt == null) {
      return false;
    }
    Instant now = clock.instant();
    if (now.isBefore(e.nextClimbAt)) {
      // Fired early (a clock change, or a reassignment moved the window): try again when due.
      schedules.once(
          EscalationIds.TIMER_GROUP,
          EscalationIds.ackTimer(id) + "-" + step,
          e.nextClimbAt,
          EscalationClimbJob.class,
          Map.of("escalationId", String.valueOf(id), "step", String.valueOf(step)));
      return false;
    }
    List<Link> chain = chain(e);
    if (step > chain.size()) {
      e.nextClimbAt = null;
      return false;
    }
    Link link = chain.get(step - 1);
    int inserted =
        em.createNativeQuery(
                "INSERT INTO escalation_step (escalation_id, step, target, taken_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
            .setParameter(1, id)
            .setParameter(2, step)
            .setParameter(3, link.kind() + (link.userId() == null ? "" : ":" + link.userId()))
            .setParameter(4, now)
            .executeUpdate();
    if (inserted == 0) {
      return false;
    }
    e.chainStep = step;
    if (e.ackBreachedAt == null) {
      e.ackBreachedAt = now;
    }
    String waited = ackSla(e.severity).describe();
    List<String> targets = link.kind().equals("cos") ? roles.admins() : List.of(link.userId());
    targets.forEach(e::addNotified);
    outbox.enqueueAll(notices.climbed(e, step, link, targets, ackSla(e.severity)));
    targets.forEach(user -> keepCard(e, EscalationIds.climbKey(e.id, step, user)));
    audit(
        e,
        BOT,
        "CLIMBED",
        "step "
            + step
            + " to "
            + link.kind()
            + (link.userId() == null ? "" : " " + link.userId())
            + " after "
            + waited
            + " without acknowledgement");
    if (step < chain.size()) {
      e.nextClimbAt = ackSla(e.severity).after(now, zone());
      schedules.once(
          EscalationIds.TIMER_GROUP,
          EscalationIds.ackTimer(id) + "-" + (step + 1),
          e.nextClimbAt,
          EscalationClimbJob.class,
          Map.of("escalationId", String.valueOf(id), "step", String.valueOf(step + 1)));
    } else {
      e.nextClimbAt = null;
    }
    refresh(e);
    LOG.infof("Escalation #%d climbed to step %d (%s)", id, step, link.kind());
    return true;
  }

  /** Notes that the resolution target passed (once). */
  @Transactional
  public boolean resolveDue(long id) {
    Escalation e = Escalation.findById(id);
    if (e == null || !e.isOpen() || e.resolveBreachedAt != null) {
      return false;
    }
    Instant now = clock.instant();
    if (now.isBefore(e.resolveDueAt)) {
      schedules.once(
          EscalationIds.TIMER_GROUP,
          EscalationIds.resolveTimer(id),
          e.resolveDueAt,
          EscalationResolveDueJob.class,
          Map.of("escalationId", String.valueOf(id)));
      return false;
    }
    e.resolveBreachedAt = now;
    outbox.enqueueAll(notices.resolveDue(e, resolveSla(e.severity)));
    audit(
        e, BOT, "RESOLVE_SLA_BREACHED", "not resolved within " + resolveSla(e.severity).describe());
    return true;
  }

  // --- Working it ----------------------------------------------------------------------------

  /** Owner (or group member, or a backup it climbed to), Chiefs of Staff and the CXO may act. */
  public boolean mayAct(Caller caller, Escalation e) {
    if (caller.isAdmin() || caller.isCxo() || caller.userId().equals(e.ownerUser)) {
      return true;
    }
    if (e.backupUser != null && e.chainStep >= 1 && caller.userId().equals(e.backupUser)) {
      return true;
    }
    return e.ownerUser == null
        && e.ownerGroup != null
        && reads.groupMembers(e.ownerGroup).contains(caller.userId());
  }

  /** Loads the escalation and checks the caller may act on it. */
  @Transactional
  public Outcome actionable(Caller caller, long id) {
    Escalation e = id < 0 ? null : Escalation.findById(id);
    if (e == null) {
      return new Outcome.NotFound(id);
    }
    if (!mayAct(caller, e)) {
      return new Outcome.NotAllowed(id, e);
    }
    return new Outcome.Actionable(id, e);
  }

  /**
   * {@link Outcome.Actionable} when the caller may act and the escalation is still open (and, with
   * {@code unacknowledgedOnly}, not yet acknowledged); otherwise the outcome that says why not.
   */
  private Outcome workable(Caller caller, long id, boolean unacknowledgedOnly) {
    Outcome check = actionable(caller, id);
    if (check instanceof Outcome.Actionable ok) {
      Escalation e = ok.escalation();
      if (unacknowledgedOnly ? e.status != Escalation.Status.OPEN : !e.isOpen()) {
        return new Outcome.Already(id, e.status);
      }
    }
    return check;
  }

  @Transactional
  public Outcome acknowledge(Caller caller, long id) {
    Outcome check = workable(caller, id, true);
    if (!(check instanceof Outcome.Actionable ok)) {
      return check;
    }
    Escalation e = ok.escalation();
    Instant now = clock.instant();
    e.status = Escalation.Status.ACKNOWLEDGED;
    e.acknowledgedAt = now;
    e.acknowledgedBy = caller.userId();
    cancelClimb(e);
    outbox.enqueueAll(notices.acknowledged(e, caller.userId()));
    audit(e, caller.userId(), "ACKNOWLEDGED", null);
    refresh(e);
    return new Outcome.Acknowledged(id);
  }

  /** Hands it to {@code newOwner} (a Slack user id, checked by the form). */
  @Transactional
  public Outcome reassign(Caller caller, long id, String newOwner) {
    if (newOwner == null || !newOwner.matches("[UW][A-Z0-9]{2,20}")) {
      throw new IllegalArgumentException("not a user id");
    }
    Outcome check = workable(caller, id, false);
    if (!(check instanceof Outcome.Actionable ok)) {
      return check;
    }
    Escalation e = ok.escalation();
    if (newOwner.equals(e.ownerUser)) {
      return new Outcome.SameOwner(id, newOwner);
    }
    Escalation.Owner before = e.owner();
    e.ownerUser = newOwner;
    e.ownerGroup = null;
    Instant now = clock.instant();
    int version = ++e.reporterVersion;
    if (e.status == Escalation.Status.OPEN) {
      // The new owner gets a fresh acknowledgement window; the climb continues from where it was.
      cancelClimb(e);
      e.nextClimbAt = ackSla(e.severity).after(now, zone());
      int next = e.chainStep + 1;
      schedules.once(
          EscalationIds.TIMER_GROUP,
          EscalationIds.ackTimer(id) + "-" + next,
          e.nextClimbAt,
          EscalationClimbJob.class,
          Map.of("escalationId", String.valueOf(id), "step", String.valueOf(next)));
    }
    e.addNotified(newOwner);
    outbox.enqueueAll(notices.reassigned(e, caller.userId(), before, version));
    keepCard(e, EscalationIds.reassignedKey(e.id, version, newOwner));
    audit(e, caller.userId(), "REASSIGNED", "from " + before + " to " + newOwner);
    refresh(e);
    return new Outcome.Reassigned(id, newOwner);
  }

  /** Resolves it with {@code note} (non-blank, checked by the form). */
  @Transactional
  public Outcome resolve(Caller caller, long id, String note) {
    if (note == null || note.isBlank()) {
      throw new IllegalArgumentException("a resolution note is required");
    }
    Outcome check = workable(caller, id, false);
    if (!(check instanceof Outcome.Actionable ok)) {
      return check;
    }
    Escalation e = ok.escalation();
    Instant now = clock.instant();
    if (e.acknowledgedAt == null) {
      e.acknowledgedAt = now;
      e.acknowledgedBy = caller.userId();
    }
    e.status = Escalation.Status.RESOLVED;
    e.resolvedAt = now;
    e.resolvedBy = caller.userId();
    e.resolution = note.strip();
    cancelClimb(e);
    schedules.cancel(EscalationIds.TIMER_GROUP, EscalationIds.resolveTimer(id));
    outbox.enqueueAll(notices.resolved(e, caller.userId()));
    audit(e, caller.userId(), "RESOLVED", SlackText.cut(e.resolution, 1900));
    refresh(e);
    return new Outcome.Resolved(id);
  }

  private void cancelClimb(Escalation e) {
    schedules.cancel(
        EscalationIds.TIMER_GROUP, EscalationIds.ackTimer(e.id) + "-" + (e.chainStep + 1));
    e.nextClimbAt = null;
  }

  /**
   * Rewrites the reporter's DM and every copy of the card (channel, DMs) to show the new state;
   * buttons that no longer apply are gone from all of them.
   */
  private void refresh(Escalation e) {
    em.flush();
    outbox.enqueueAll(notices.refreshed(e, ++e.reporterVersion, cards(e)));
  }

  /** Remembers a message that shows the card, so that every change reaches it. */
  private void keepCard(Escalation e, String key) {
    em.createNativeQuery(
            "INSERT INTO escalation_card (escalation_id, message_key) VALUES (?1, ?2)"
                + " ON CONFLICT DO NOTHING")
        .setParameter(1, e.id)
        .setParameter(2, key)
        .executeUpdate();
  }

  /** The outbox keys of every message that shows the card, in the order they were posted. */
  @SuppressWarnings("unchecked")
  private List<String> cards(Escalation e) {
    return em.createNativeQuery(
            "SELECT message_key FROM escalation_card WHERE escalation_id = ?1 ORDER BY message_key")
        .setParameter(1, e.id)
        .getResultList();
  }

  void audit(Escalation e, String actor, String action, String detail) {
    EscalationAudit a = new EscalationAudit();
    a.escalationId = e.id;
    a.at = clock.instant();
    a.actor = actor;
    a.action = action;
    a.detail = detail == null ? null : SlackText.cut(detail, 2000);
    a.persist();
  }

  // --- Routing rules -------------------------------------------------------------------------

  /** Saves a rule parsed from {@code /cos route add …} (admins only). */
  @Transactional
  public EscalationRoute addRoute(Caller caller, List<String> words) {
    caller.requireAdmin();
    EscalationRoute r = EscalationRouting.parseAdd(words);
    r.createdBy = caller.userId();
    r.createdAt = clock.instant();
    r.persist();
    LOG.infof("%s added escalation rule #%d", caller.userId(), r.id);
    return r;
  }

  /** Removes rule {@code id}; false when there is none (admins only). */
  @Transactional
  public boolean removeRoute(Caller caller, long id) {
    caller.requireAdmin();
    if (!EscalationRoute.deleteById(id)) {
      return false;
    }
    LOG.infof("%s removed escalation rule #%d", caller.userId(), id);
    return true;
  }

  /** The rules in the order they are tried (admins only). */
  @Transactional
  public List<EscalationRoute> listRoutes(Caller caller) {
    caller.requireAdmin();
    return EscalationRoute.ordered();
  }
}
