package dev.cosbot.escalation;

import com.slack.api.model.block.LayoutBlock;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.scheduler.Schedules;
import dev.cosbot.platform.support.NotAllowedException;
import dev.cosbot.platform.support.SlackText;
import dev.cosbot.platform.support.UserFacingException;
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

  /** What the reporter filled in. */
  public record Draft(
      String title,
      String details,
      Severity severity,
      String area,
      String link,
      boolean confidential) {}

  /** One link of the chain above the owner. */
  public record Link(String kind, String userId) {
    String describe() {
      return switch (kind) {
        case "backup" -> "the backup " + SlackText.mention(userId);
        case "cos" -> "the Chiefs of Staff";
        default -> "the CXO " + SlackText.mention(userId);
      };
    }
  }

  public Sla ackSla(Severity s) {
    return Sla.parse(
        switch (s) {
          case S1 -> settings.s1Ack();
          case S2 -> settings.s2Ack();
          case S3 -> settings.s3Ack();
        });
  }

  public Sla resolveSla(Severity s) {
    return Sla.parse(
        switch (s) {
          case S1 -> settings.s1Resolve();
          case S2 -> settings.s2Resolve();
          case S3 -> settings.s3Resolve();
        });
  }

  ZoneId zone() {
    return ZoneId.of(settings.businessZone());
  }

  // --- Raising -------------------------------------------------------------------------------

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
      e.routeLabel =
          "rule #"
              + r.id
              + " ("
              + (r.area != null ? "area " + r.area : "")
              + (r.area != null && r.keywords != null ? ", " : "")
              + (r.keywords != null ? "keywords " + r.keywords : "")
              + ")";
      e.ownerUser = r.ownerUser;
      e.ownerGroup = r.ownerGroup;
      e.channelId = r.channelId;
      e.backupUser = r.backupUser;
    } else {
      e.routeLabel = "the default route (no rule matched): the Chiefs of Staff";
    }
    e.routeLabel = SlackText.cut(e.routeLabel, 200);
    e.threadKey = EscalationIds.reporterKey(0); // replaced below, once the id is known
    e.persist();
    em.flush();

    List<String> owners = ownerRecipients(e);
    Set<String> dms = new LinkedHashSet<>(owners);
    if (e.confidential) {
      dms.addAll(roles.admins());
    }
    boolean inChannel = !e.confidential && e.channelId != null;
    if (inChannel) {
      e.threadKey = EscalationIds.channelKey(e.id);
    } else if (!dms.isEmpty()) {
      e.threadKey = EscalationIds.dmKey(e.id, dms.iterator().next());
    } else {
      e.threadKey = EscalationIds.reporterKey(e.id);
    }
    if (inChannel) {
      outbox.enqueue(
          SlackCalls.postMessage(
              EscalationIds.channelKey(e.id),
              e.channelId,
              EscalationBlocks.summary(e),
              EscalationBlocks.card(
                  e,
                  ":rotating_light: *New "
                      + e.severity.display()
                      + " escalation* for "
                      + EscalationBlocks.ownerText(e),
                  true)));
    }
    for (String user : dms) {
      e.addNotified(user);
      String headline =
          owners.contains(user)
              ? ":rotating_light: *An escalation was routed to you.* Please acknowledge it within "
                  + ackSla(e.severity).describe()
                  + "."
              : ":lock: *A confidential escalation was raised* (you see it as a Chief of Staff).";
      outbox.enqueue(
          SlackCalls.postMessage(
              EscalationIds.dmKey(e.id, user),
              user,
              EscalationBlocks.summary(e),
              EscalationBlocks.card(e, headline, true)));
    }
    outbox.enqueue(
        SlackCalls.postMessage(
            EscalationIds.reporterKey(e.id),
            e.reporter,
            "Your escalation #" + e.id + " was raised",
            EscalationBlocks.reporterStatus(e)));
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
    for (String user : targets) {
      e.addNotified(user);
      outbox.enqueue(
          SlackCalls.postMessage(
              "esc:" + id + ":climb:" + step + ":" + user,
              user,
              EscalationBlocks.summary(e),
              EscalationBlocks.card(
                  e,
                  ":arrow_double_up: *Escalated to you:* not acknowledged within " + waited + ".",
                  true)));
    }
    outbox.enqueue(
        SlackCalls.replyInThread(
            "esc:" + id + ":climb:" + step + ":thread",
            e.threadKey,
            ":arrow_double_up: Not acknowledged within "
                + waited
                + ": escalated to "
                + link.describe()
                + ".",
            null));
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
    outbox.enqueue(
        SlackCalls.replyInThread(
            "esc:" + id + ":resolve-due:thread",
            e.threadKey,
            ":warning: The resolution target ("
                + resolveSla(e.severity).describe()
                + ") has passed. Owner: "
                + EscalationBlocks.ownerText(e)
                + ".",
            null));
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
  public Escalation actionable(Caller caller, long id) {
    Escalation e = Escalation.findById(id);
    if (e == null) {
      throw new UserFacingException(
          id > 0
              ? "That's no longer available: escalation #" + id + " does not exist any more."
              : "That's no longer available.");
    }
    if (!mayAct(caller, e)) {
      throw new NotAllowedException(
          "Sorry, only the owner of escalation #"
              + id
              + " ("
              + EscalationBlocks.ownerText(e)
              + "), a Chief of Staff or the CXO can act on it. If you think it needs attention, ask one of them.");
    }
    return e;
  }

  @Transactional
  public String acknowledge(Caller caller, long id) {
    Escalation e = actionable(caller, id);
    if (e.status != Escalation.Status.OPEN) {
      return "Escalation #" + id + " is already " + e.status.name().toLowerCase() + ".";
    }
    Instant now = clock.instant();
    e.status = Escalation.Status.ACKNOWLEDGED;
    e.acknowledgedAt = now;
    e.acknowledgedBy = caller.userId();
    cancelClimb(e);
    outbox.enqueue(
        SlackCalls.replyInThread(
            "esc:" + id + ":ack:thread",
            e.threadKey,
            ":eyes: Acknowledged by " + SlackText.mention(caller.userId()) + ".",
            null));
    audit(e, caller.userId(), "ACKNOWLEDGED", null);
    refresh(e);
    return "Thanks: you acknowledged escalation #" + id + ".";
  }

  @Transactional
  public String reassign(Caller caller, long id, String newOwner) {
    Escalation e = actionable(caller, id);
    if (!e.isOpen()) {
      return "Escalation #" + id + " is already resolved.";
    }
    if (newOwner == null || !newOwner.matches("[UW][A-Z0-9]{2,20}")) {
      throw new UserFacingException("Please choose a person.");
    }
    String before = EscalationBlocks.ownerText(e);
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
    outbox.enqueue(
        SlackCalls.postMessage(
            "esc:" + id + ":reassigned:" + version + ":" + newOwner,
            newOwner,
            EscalationBlocks.summary(e),
            EscalationBlocks.card(
                e,
                ":arrow_right: "
                    + SlackText.mention(caller.userId())
                    + " *reassigned this escalation to you.*",
                true)));
    outbox.enqueue(
        SlackCalls.replyInThread(
            "esc:" + id + ":reassigned:" + version + ":thread",
            e.threadKey,
            ":arrow_right: "
                + SlackText.mention(caller.userId())
                + " reassigned it from "
                + before
                + " to "
                + SlackText.mention(newOwner)
                + ".",
            null));
    audit(e, caller.userId(), "REASSIGNED", "from " + before + " to " + newOwner);
    refresh(e);
    return "Escalation #" + id + " is now with " + SlackText.mention(newOwner) + ".";
  }

  @Transactional
  public String resolve(Caller caller, long id, String note) {
    Escalation e = actionable(caller, id);
    if (!e.isOpen()) {
      return "Escalation #" + id + " is already resolved.";
    }
    if (note == null || note.isBlank()) {
      throw new UserFacingException("A resolution note is required.");
    }
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
    outbox.enqueue(
        SlackCalls.replyInThread(
            "esc:" + id + ":resolved:thread",
            e.threadKey,
            ":white_check_mark: Resolved by "
                + SlackText.mention(caller.userId())
                + ": "
                + SlackText.escapeAndCut(e.resolution, 2500),
            null));
    audit(e, caller.userId(), "RESOLVED", SlackText.cut(e.resolution, 1900));
    refresh(e);
    return "Escalation #" + id + " is resolved. Thank you!";
  }

  /** Tells someone, only them, that they may not act (the refusal goes through the outbox too). */
  @Transactional
  public void refuse(String key, String channel, String user, String text) {
    outbox.enqueue(SlackCalls.postEphemeral(key, channel, user, text, null));
  }

  private void cancelClimb(Escalation e) {
    schedules.cancel(
        EscalationIds.TIMER_GROUP, EscalationIds.ackTimer(e.id) + "-" + (e.chainStep + 1));
    e.nextClimbAt = null;
  }

  /** Rewrites the reporter's DM, the channel card and the owners' DMs to show the new state. */
  private void refresh(Escalation e) {
    int v = ++e.reporterVersion;
    List<LayoutBlock> status = EscalationBlocks.reporterStatus(e);
    outbox.enqueue(
        SlackCalls.updateMessage(
            "esc:" + e.id + ":reporter:v" + v,
            EscalationIds.reporterKey(e.id),
            "Your escalation #" + e.id + ": " + e.status.name().toLowerCase(),
            status));
    String headline =
        switch (e.status) {
          case OPEN -> ":rotating_light: *Escalation* for " + EscalationBlocks.ownerText(e);
          case ACKNOWLEDGED -> ":eyes: *Acknowledged* — owner " + EscalationBlocks.ownerText(e);
          case RESOLVED -> ":white_check_mark: *Resolved*";
        };
    if (!e.confidential && e.channelId != null) {
      outbox.enqueue(
          SlackCalls.updateMessage(
              "esc:" + e.id + ":channel:v" + v,
              EscalationIds.channelKey(e.id),
              EscalationBlocks.summary(e),
              EscalationBlocks.card(e, headline, true)));
    }
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

  @Transactional
  public String addRoute(Caller caller, List<String> words) {
    caller.requireAdmin();
    EscalationRoute r = EscalationRouting.parseAdd(words);
    r.createdBy = caller.userId();
    r.createdAt = clock.instant();
    r.persist();
    LOG.infof("%s added escalation rule #%d", caller.userId(), r.id);
    return "Added rule *#" + r.id + "*: " + describe(r);
  }

  @Transactional
  public String removeRoute(Caller caller, String idText) {
    caller.requireAdmin();
    long id;
    try {
      id = Long.parseLong(idText.replace("#", "").trim());
    } catch (NumberFormatException ex) {
      throw new UserFacingException(
          "Usage: `/cos route remove <rule number>` (see `/cos route list`).");
    }
    if (!EscalationRoute.deleteById(id)) {
      return "There is no rule #" + id + ". See `/cos route list`.";
    }
    LOG.infof("%s removed escalation rule #%d", caller.userId(), id);
    return "Removed rule #" + id + ". Escalations it routed keep their owner.";
  }

  @Transactional
  public String listRoutes(Caller caller) {
    caller.requireAdmin();
    List<EscalationRoute> routes = EscalationRoute.ordered();
    StringBuilder text = new StringBuilder("*Escalation routing rules* (tried in this order)\n");
    for (EscalationRoute r : routes) {
      text.append("• *#").append(r.id).append("* ").append(describe(r)).append('\n');
    }
    text.append("• _default_: anything unmatched → the Chiefs of Staff, then the CXO");
    return SlackText.cut(text.toString(), 3000);
  }

  static String describe(EscalationRoute r) {
    StringBuilder s = new StringBuilder("priority ").append(r.priority).append(": ");
    if (r.area != null) {
      s.append("area “").append(SlackText.escapeAndCut(r.area, 80)).append("” ");
    }
    if (r.keywords != null) {
      s.append("keywords “").append(SlackText.escapeAndCut(r.keywords, 200)).append("” ");
    }
    s.append("→ ")
        .append(
            r.ownerUser != null
                ? SlackText.mention(r.ownerUser)
                : "<!subteam^" + r.ownerGroup + ">");
    if (r.channelId != null) {
      s.append(" in ").append(SlackText.channel(r.channelId));
    }
    if (r.backupUser != null) {
      s.append(", backup ").append(SlackText.mention(r.backupUser));
    }
    return s.toString();
  }
}
