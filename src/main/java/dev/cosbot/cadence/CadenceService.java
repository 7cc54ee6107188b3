package dev.cosbot.cadence;

import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.PeopleDirectory;
import dev.cosbot.platform.people.WorkspaceSetting;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Cadences: create, pause, skip, compute occurrences with their checklist state, tick prep tasks,
 * and the sweep that posts reminders exactly once (a unique ledger row per cadence, occurrence and
 * reminder, written in the same transaction as the outbox rows). Knows nothing of Block Kit beyond
 * handing domain objects to {@link CadenceBlocks}.
 */
@ApplicationScoped
public class CadenceService {
  private static final Logger LOG = Logger.getLogger(CadenceService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * How far back the sweep looks for reminders it never handled (beyond max-lateness they are
   * skipped).
   */
  static final Duration LOOKBACK = Duration.ofDays(3);

  @Inject EntityManager em;
  @Inject CadenceAccess access;
  @Inject Outbox outbox;
  @Inject Clock clock;
  @Inject CadenceSettings settings;
  @Inject PeopleDirectory people;
  @Inject SignedMetadata signer;
  @Inject CadenceMeetings meetings;

  // ---------------------------------------------------------------- create and manage

  /** The outcome of {@link #create}. */
  public enum Created {
    CREATED,
    NAME_TAKEN
  }

  /** Stores a new cadence and confirms it to its creator (outbox, same transaction). */
  @Transactional
  public Created create(CadenceDraft draft, String createdBy) {
    if (Cadence.byName(draft.name()).isPresent()) {
      return Created.NAME_TAKEN;
    }
    Instant now = clock.instant();
    Cadence c = new Cadence();
    c.name = draft.name();
    c.ownerId = draft.ownerId();
    c.rrule = draft.rrule();
    c.startsLocal = draft.start();
    c.timeZone = draft.zone().getId();
    c.channelId = draft.channelId();
    c.people = String.join(" ", draft.people());
    c.message = draft.message();
    c.leadMinutes = LeadTimes.store(draft.leads());
    c.paused = false;
    c.activeSince = now;
    c.createdBy = createdBy;
    c.createdAt = now;
    c.persist();
    int position = 0;
    for (CadenceDraft.Task t : draft.tasks()) {
      CadenceTask task = new CadenceTask();
      task.cadenceId = c.id;
      task.position = position++;
      task.title = t.title();
      task.driId = t.driId();
      task.dueMinutes = t.dueMinutes();
      task.persist();
    }
    List<Instant> next = c.schedule().next(now, 5, skippedDates(c.id));
    CadenceBlocks.Message m = CadenceBlocks.created(c, next);
    outbox.enqueue(
        SlackCalls.postMessage(CadenceKeys.created(c.id), createdBy, m.text(), m.blocks()));
    return Created.CREATED;
  }

  /**
   * The "@name" → user id lookup used by the modal, through the people directory (a mention, an id,
   * a display name or a real name; case-insensitive); null when nobody or several match.
   */
  public String resolveUser(String name) {
    return people.resolve(name).orElse(null);
  }

  @Transactional
  public List<Cadence> list() {
    return Cadence.allByName();
  }

  /** A cadence as listed, with its next occurrence (null when paused or over). */
  public record Listed(Cadence cadence, Instant next) {}

  /** What {@code /cos cadence list} shows: the cadences {@code viewer} may know of. */
  @Transactional
  public List<Listed> listFor(Caller viewer) {
    Instant now = clock.instant();
    return Cadence.allByName().stream()
        .filter(c -> access.visibleTo(viewer, c))
        .map(
            c ->
                new Listed(
                    c,
                    c.paused
                        ? null
                        : c.schedule().next(now, 1, skippedDates(c.id)).stream()
                            .findFirst()
                            .orElse(null)))
        .toList();
  }

  /**
   * What {@code /cos cadence next [n]} shows: upcoming occurrences of the cadences {@code viewer}
   * may know of, with their prep.
   */
  @Transactional
  public List<Occurrence> upcomingFor(Caller viewer, int n) {
    return upcoming(n, c -> access.visibleTo(viewer, c));
  }

  /** The zone the modal offers: the person's Slack zone, else the configured default. */
  public String zoneOf(String userId) {
    return people
        .get(userId)
        .map(p -> p.timeZone)
        .filter(z -> z != null && !z.isBlank())
        .orElse(settings.defaultZone());
  }

  /** The outcome of a pause or resume: {@code changed} false when it already was so. */
  public record Paused(String name, boolean paused, boolean changed) {}

  @Transactional
  public Paused setPaused(Caller caller, String name, boolean paused) {
    Cadence c = mine(caller, name);
    if (c.paused == paused) {
      return new Paused(c.name, paused, false);
    }
    c.paused = paused;
    if (!paused) {
      // Reminders that fell due while paused are not posted late.
      c.activeSince = clock.instant();
    }
    return new Paused(c.name, paused, true);
  }

  /** Deletes the cadence with its checklist; returns its name. */
  @Transactional
  public String remove(Caller caller, String name) {
    Cadence c = mine(caller, name);
    String n = c.name;
    c.delete();
    return n;
  }

  /**
   * Skips the occurrence on {@code date} (the cadence's local date); returns the cadence's name.
   */
  @Transactional
  public String skip(Caller caller, String name, LocalDate date) {
    Cadence c = mine(caller, name);
    Instant dayStart = date.atStartOfDay(c.zone()).toInstant();
    Instant dayEnd = date.plusDays(1).atStartOfDay(c.zone()).toInstant();
    if (c.schedule().between(dayStart, dayEnd, d -> false).isEmpty()) {
      throw new CadenceRefusal(CadenceRefusal.Reason.NOT_ON_THAT_DAY, c.name, date.toString());
    }
    em.createNativeQuery(
            "INSERT INTO cadence_skip (cadence_id, on_date, created_by) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
        .setParameter(1, c.id)
        .setParameter(2, date)
        .setParameter(3, caller.userId())
        .executeUpdate();
    return c.name;
  }

  private Cadence mine(Caller caller, String name) {
    if (name == null || name.isBlank()) {
      throw new CadenceRefusal(CadenceRefusal.Reason.NO_NAME, null, null);
    }
    // A cadence the caller may not know of answers exactly like one that does not exist.
    Cadence c =
        Cadence.byName(name)
            .filter(x -> access.visibleTo(caller, x))
            .orElseThrow(() -> new CadenceRefusal(CadenceRefusal.Reason.UNKNOWN, name, null));
    if (!caller.isAdmin() && !caller.userId().equals(c.ownerId)) {
      throw new CadenceRefusal(CadenceRefusal.Reason.NOT_OWNER, c.name, c.ownerId);
    }
    return c;
  }

  // ---------------------------------------------------------------- occurrences and checklists

  Predicate<LocalDate> skippedDates(long cadenceId) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery("SELECT on_date FROM cadence_skip WHERE cadence_id = ?1")
            .setParameter(1, cadenceId)
            .getResultList();
    Set<LocalDate> dates = new HashSet<>();
    for (Object r : rows) {
      dates.add(r instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r);
    }
    return dates::contains;
  }

  /** Upcoming occurrences of every running cadence from now, soonest first, at most {@code n}. */
  @Transactional
  public List<Occurrence> upcoming(int n) {
    return upcoming(n, c -> true);
  }

  /** The same for the cadences {@code shown} lets through. */
  @Transactional
  public List<Occurrence> upcoming(int n, Predicate<Cadence> shown) {
    Instant now = clock.instant();
    List<Occurrence> all = new ArrayList<>();
    for (Cadence c : Cadence.active()) {
      if (!shown.test(c)) {
        continue;
      }
      for (Instant at : c.schedule().next(now, n, skippedDates(c.id))) {
        all.add(occurrence(c, at));
      }
    }
    all.sort(Comparator.comparing(Occurrence::at));
    return all.size() > n ? all.subList(0, n) : all;
  }

  /** Occurrences of running cadences with {@code from <= at < to}. */
  @Transactional
  public List<Occurrence> between(Instant from, Instant to) {
    List<Occurrence> all = new ArrayList<>();
    for (Cadence c : Cadence.active()) {
      for (Instant at : c.schedule().between(from, to, skippedDates(c.id))) {
        all.add(occurrence(c, at));
      }
    }
    all.sort(Comparator.comparing(Occurrence::at));
    return all;
  }

  Occurrence occurrence(Cadence c, Instant at) {
    @SuppressWarnings("unchecked")
    List<Object[]> done =
        em.createNativeQuery(
                "SELECT d.task_id, d.done_by FROM cadence_task_done d JOIN cadence_task t ON t.id = d.task_id"
                    + " WHERE t.cadence_id = ?1 AND d.occurrence_at = ?2")
            .setParameter(1, c.id)
            .setParameter(2, Timestamp.from(at))
            .getResultList();
    Map<Long, String> doneBy = new HashMap<>();
    for (Object[] row : done) {
      doneBy.put(((Number) row[0]).longValue(), (String) row[1]);
    }
    List<Occurrence.TaskState> tasks = new ArrayList<>();
    for (CadenceTask t : CadenceTask.of(c.id)) {
      tasks.add(
          new Occurrence.TaskState(
              t, at.minus(Duration.ofMinutes(t.dueMinutes)), doneBy.get(t.id)));
    }
    return new Occurrence(c, at, tasks);
  }

  /** The outcome of a click on a checklist button, with the task (null when it is gone). */
  public record Toggle(Outcome outcome, CadenceTask task) {
    /** What the click did. */
    public enum Outcome {
      GONE,
      NOT_THE_DRI,
      DONE,
      UNDONE
    }
  }

  /**
   * A click on a prep task's button: only its DRI may tick (or untick) it; every posted reminder of
   * that occurrence is then updated in place.
   */
  @Transactional
  public Toggle toggleTask(String userId, long cadenceId, long occurrenceEpoch, long taskId) {
    CadenceTask task = CadenceTask.findById(taskId);
    Cadence c = Cadence.findById(cadenceId);
    if (task == null || c == null || !task.cadenceId.equals(c.id)) {
      return new Toggle(Toggle.Outcome.GONE, null);
    }
    if (!userId.equals(task.driId)) {
      return new Toggle(Toggle.Outcome.NOT_THE_DRI, task);
    }
    Instant at = Instant.ofEpochSecond(occurrenceEpoch);
    int removed =
        em.createNativeQuery(
                "DELETE FROM cadence_task_done WHERE task_id = ?1 AND occurrence_at = ?2")
            .setParameter(1, taskId)
            .setParameter(2, Timestamp.from(at))
            .executeUpdate();
    if (removed == 0) {
      em.createNativeQuery(
              "INSERT INTO cadence_task_done (task_id, occurrence_at, done_by, done_at) VALUES (?1, ?2, ?3, ?4)"
                  + " ON CONFLICT DO NOTHING")
          .setParameter(1, taskId)
          .setParameter(2, Timestamp.from(at))
          .setParameter(3, userId)
          .setParameter(4, Timestamp.from(clock.instant()))
          .executeUpdate();
    }
    refreshPosts(c, at);
    return new Toggle(removed == 0 ? Toggle.Outcome.DONE : Toggle.Outcome.UNDONE, task);
  }

  /**
   * Re-renders every reminder and occurrence post of one occurrence (chat.update through the
   * outbox).
   */
  void refreshPosts(Cadence c, Instant at) {
    Occurrence occ = occurrence(c, at);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "UPDATE cadence_ledger SET version = version + 1 WHERE cadence_id = ?1 AND occurrence_at = ?2"
                    + " AND (kind LIKE 'R%' OR kind = 'OCC') AND status IN ('POSTED', 'LATE')"
                    + " RETURNING kind, status, due_at, destinations, version")
            .setParameter(1, c.id)
            .setParameter(2, Timestamp.from(at))
            .getResultList();
    Instant now = clock.instant();
    for (Object[] row : rows) {
      String kind = (String) row[0];
      boolean late = "LATE".equals(row[1]);
      Instant due = toInstant(row[2]);
      int version = ((Number) row[4]).intValue();
      for (String dest : ((String) row[3]).split(" ")) {
        String original = CadenceKeys.post(c.id, at, kind, dest);
        CadenceBlocks.Message m = message(occ, kind, late ? due : null, now);
        outbox.enqueue(
            SlackCalls.updateMessage(
                CadenceKeys.redraw(original, version), original, m.text(), m.blocks()));
      }
    }
  }

  static Instant toInstant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return (Instant) value;
  }

  private CadenceBlocks.Message message(Occurrence occ, String kind, Instant lateDue, Instant now) {
    if ("OCC".equals(kind)) {
      return CadenceBlocks.occurrencePost(occ, lateDue, now, signer);
    }
    CadenceBlocks.Message m =
        CadenceBlocks.reminder(occ, Integer.parseInt(kind.substring(1)), lateDue, now, signer);
    // Other features' parts (the all-hands' top questions, the agenda) come after the checklist.
    List<com.slack.api.model.block.LayoutBlock> blocks = new ArrayList<>(m.blocks());
    blocks.addAll(meetings.reminderBlocks(occ));
    return new CadenceBlocks.Message(m.text(), blocks);
  }

  // ---------------------------------------------------------------- the sweep

  /** Ids of the cadences the sweep looks at. */
  @Transactional
  public List<Long> activeIds() {
    return Cadence.active().stream().map(c -> c.id).toList();
  }

  private record Due(String kind, Instant occurrence, Instant due) {}

  /**
   * When a post stops being useful, so the outbox drops it instead of sending it late: a reminder
   * at the event, the event's own post when the event ends, a late-task warning after the allowed
   * lateness.
   */
  private Instant usefulUntil(Due d) {
    if (d.kind().startsWith("R")) {
      return d.occurrence();
    }
    if ("OCC".equals(d.kind())) {
      return d.occurrence().plus(Duration.ofMinutes(settings.eventMinutes()));
    }
    return d.due().plus(settings.maxLateness());
  }

  /**
   * Posts what is due for one cadence at the clock's "now": reminders, the occurrence itself and
   * late-task warnings. Each is recorded in cadence_ledger first ({@code ON CONFLICT DO NOTHING});
   * only the instance whose insert wins enqueues the posts, so replicas and re-runs post once.
   * After downtime at most one missed post per cadence goes out late (with a note); the others are
   * marked superseded, and anything more than max-lateness late is skipped and logged.
   *
   * @return how many ledger rows this call recorded
   */
  @Transactional
  public int sweep(long cadenceId) {
    Cadence c = Cadence.findById(cadenceId);
    if (c == null || c.paused) {
      return 0;
    }
    Instant now = clock.instant();
    Instant floor =
        c.activeSince.isAfter(now.minus(LOOKBACK)) ? c.activeSince : now.minus(LOOKBACK);
    List<CadenceTask> tasks = CadenceTask.of(c.id);
    int maxLead = 0;
    for (int l : c.leads()) {
      maxLead = Math.max(maxLead, l);
    }
    for (CadenceTask t : tasks) {
      maxLead = Math.max(maxLead, t.dueMinutes);
    }
    List<Instant> occurrences =
        c.schedule().between(floor, now.plus(Duration.ofMinutes(maxLead + 1L)), skippedDates(c.id));
    if (occurrences.isEmpty()) {
      return 0;
    }
    Set<String> handled = handledKinds(c.id, occurrences.get(0));
    List<Due> posts = new ArrayList<>();
    List<Due> warnings = new ArrayList<>();
    for (Instant occ : occurrences) {
      List<Integer> kinds = new ArrayList<>(c.leads());
      kinds.add(0);
      for (int lead : kinds) {
        String kind = lead == 0 ? "OCC" : "R" + lead;
        Instant due = occ.minus(Duration.ofMinutes(lead));
        if (!due.isAfter(now)
            && !due.isBefore(floor)
            && !handled.contains(occ.getEpochSecond() + "/" + kind)) {
          posts.add(new Due(kind, occ, due));
        }
      }
      for (CadenceTask t : tasks) {
        Instant due = occ.minus(Duration.ofMinutes(t.dueMinutes));
        String kind = "LATE" + t.id;
        if (!due.isAfter(now)
            && now.isBefore(occ)
            && !due.isBefore(floor)
            && !handled.contains(occ.getEpochSecond() + "/" + kind)) {
          warnings.add(new Due(kind, occ, due));
        }
      }
    }
    int recorded = 0;
    Duration lateAfter = settings.lateAfter();
    Duration maxLateness = settings.maxLateness();
    List<Due> onTime = new ArrayList<>();
    List<Due> late = new ArrayList<>();
    for (Due d : posts) {
      Duration lateness = Duration.between(d.due(), now);
      if (lateness.compareTo(maxLateness) > 0) {
        if (record(c, d, "SKIPPED", null)) {
          recorded++;
          LOG.warnf(
              "Cadence %d (%s): %s for %s was due %s, more than %s ago; skipped, not posted",
              c.id, c.name, d.kind(), d.occurrence(), d.due(), maxLateness);
        }
      } else if (lateness.compareTo(lateAfter) > 0) {
        late.add(d);
      } else {
        onTime.add(d);
      }
    }
    // Never a burst: on time wins; otherwise only the most recent missed post goes out, late.
    late.sort(Comparator.comparing(Due::due));
    Due lateOne = onTime.isEmpty() && !late.isEmpty() ? late.get(late.size() - 1) : null;
    for (Due d : late) {
      if (d != lateOne && record(c, d, "SUPERSEDED", null)) {
        recorded++;
        LOG.infof(
            "Cadence %d (%s): %s for %s was missed (due %s); a later post replaces it",
            c.id, c.name, d.kind(), d.occurrence(), d.due());
      }
    }
    List<Due> toPost = new ArrayList<>(onTime);
    if (lateOne != null) {
      toPost.add(lateOne);
    }
    List<String> destinations = c.destinations();
    for (Due d : toPost) {
      boolean isLate = d == lateOne;
      if (!record(c, d, isLate ? "LATE" : "POSTED", String.join(" ", destinations))) {
        continue;
      }
      recorded++;
      if (isLate) {
        LOG.infof(
            "Cadence %d (%s): posting %s for %s late (due %s)",
            c.id, c.name, d.kind(), d.occurrence(), d.due());
      }
      Occurrence occ = occurrence(c, d.occurrence());
      CadenceBlocks.Message m = message(occ, d.kind(), isLate ? d.due() : null, now);
      for (String dest : destinations) {
        outbox.enqueue(
            SlackCalls.postMessage(
                    CadenceKeys.post(c.id, d.occurrence(), d.kind(), dest),
                    dest,
                    m.text(),
                    m.blocks())
                .expiringAt(usefulUntil(d)));
      }
    }
    for (Due d : warnings) {
      long taskId = Long.parseLong(d.kind().substring(4));
      Occurrence occ = occurrence(c, d.occurrence());
      Optional<Occurrence.TaskState> state =
          occ.tasks().stream().filter(t -> t.task().id == taskId).findFirst();
      if (state.isEmpty() || state.get().done()) {
        continue;
      }
      boolean tooLate = Duration.between(d.due(), now).compareTo(maxLateness) > 0;
      if (!record(c, d, tooLate ? "SKIPPED" : "POSTED", c.ownerId)) {
        continue;
      }
      recorded++;
      if (!tooLate) {
        CadenceBlocks.Message m = CadenceBlocks.lateTask(occ, state.get());
        outbox.enqueue(
            SlackCalls.postMessage(
                    CadenceKeys.post(c.id, d.occurrence(), d.kind(), c.ownerId),
                    c.ownerId,
                    m.text(),
                    m.blocks())
                .expiringAt(usefulUntil(d)));
      }
    }
    return recorded;
  }

  private Set<String> handledKinds(long cadenceId, Instant from) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT occurrence_at, kind FROM cadence_ledger WHERE cadence_id = ?1 AND occurrence_at >= ?2")
            .setParameter(1, cadenceId)
            .setParameter(2, Timestamp.from(from))
            .getResultList();
    Set<String> out = new HashSet<>();
    for (Object[] r : rows) {
      out.add(toInstant(r[0]).getEpochSecond() + "/" + r[1]);
    }
    return out;
  }

  private boolean record(Cadence c, Due d, String status, String destinations) {
    return em.createNativeQuery(
                "INSERT INTO cadence_ledger (cadence_id, occurrence_at, kind, due_at, status, destinations, recorded_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (cadence_id, occurrence_at, kind) DO NOTHING")
            .setParameter(1, c.id)
            .setParameter(2, Timestamp.from(d.occurrence()))
            .setParameter(3, d.kind())
            .setParameter(4, Timestamp.from(d.due()))
            .setParameter(5, status)
            .setParameter(6, destinations)
            .setParameter(7, Timestamp.from(clock.instant()))
            .executeUpdate()
        == 1;
  }

  // ---------------------------------------------------------------- calendar feed token

  /** The workspace's feed token, created on first use. */
  @Transactional
  public String feedToken() {
    return WorkspaceSetting.get(CadenceIds.FEED_TOKEN_SETTING)
        .orElseGet(() -> rotateFeedToken("cos-bot"));
  }

  /** A new unguessable token (256 bits); the old feed URL stops working at once. */
  @Transactional
  public String rotateFeedToken(String by) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    WorkspaceSetting.put(CadenceIds.FEED_TOKEN_SETTING, token, by);
    return token;
  }

  /** True when {@code given} is the current feed token (constant-time comparison). */
  @Transactional
  public boolean feedTokenMatches(String given) {
    Optional<String> token = WorkspaceSetting.get(CadenceIds.FEED_TOKEN_SETTING);
    return token.isPresent()
        && given != null
        && java.security.MessageDigest.isEqual(
            token.get().getBytes(java.nio.charset.StandardCharsets.UTF_8),
            given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public String feedUrl(String token) {
    String base =
        settings
            .publicUrl()
            .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
            .orElse("");
    return base + "/calendar/" + token + ".ics";
  }

  public Instant now() {
    return clock.instant();
  }
}
