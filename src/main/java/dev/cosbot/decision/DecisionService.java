package dev.cosbot.decision;

import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.PeopleDirectory;
import dev.cosbot.platform.people.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Decisions asked of the CXO: anyone asks; the CXO (or the person they delegate to) chooses one of
 * the options, asks the asker for more, or delegates; the asker is told and every copy of the
 * request changes with it. Returns domain results: {@link DecisionNotices} turns them into Slack
 * calls and {@link DecisionMessages} words them.
 */
@ApplicationScoped
public class DecisionService {
  private static final Logger LOG = Logger.getLogger(DecisionService.class);

  @Inject Outbox outbox;
  @Inject Roles roles;
  @Inject PeopleDirectory people;
  @Inject Clock clock;
  @Inject DecisionNotices notices;

  /**
   * Decisions one person may ask for per hour; more get a polite answer (the CXO must not be
   * flooded by one member).
   */
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "cosbot.decision.max-per-person-per-hour",
      defaultValue = "10")
  int maxPerPersonPerHour;

  /** What the ask modal submitted, already read from the view state. */
  public record Ask(
      String question,
      String context,
      String options,
      LocalDate neededBy,
      String aboutUserId,
      String link) {}

  /** What became of an action on a decision; {@link DecisionMessages#answer} words it. */
  public sealed interface Outcome {
    /** No such decision, or a tampered id. */
    record NotFound() implements Outcome {}

    /**
     * The caller may not do this (only the CXO or the delegate decides; only the asker replies).
     */
    record NotYours(Decision decision) implements Outcome {}

    /** It was already decided: nothing changed. */
    record Already(Decision decision) implements Outcome {}

    /** The caller may go on (a form opens). */
    record Actionable(Decision decision) implements Outcome {}

    record Decided(Decision decision) implements Outcome {}

    record Delegated(Decision decision) implements Outcome {}

    record MoreAsked(Decision decision) implements Outcome {}

    record Replied(Decision decision) implements Outcome {}
  }

  /** True when {@code askerId} already asked for the hourly maximum of decisions. */
  @Transactional
  public boolean overHourlyLimit(String askerId) {
    return Decision.count(
            "askerId = ?1 and createdAt > ?2",
            askerId,
            clock.instant().minus(java.time.Duration.ofHours(1)))
        >= maxPerPersonPerHour;
  }

  /** Per-block error messages for an invalid ask (empty when valid). */
  @Transactional
  public Map<String, String> validate(String askerId, Ask ask) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (ask.question() == null || ask.question().isBlank()) {
      errors.put(DecisionIds.QUESTION, DecisionMessages.NO_QUESTION);
    } else if (ask.question().length() > 300) {
      errors.put(DecisionIds.QUESTION, DecisionMessages.QUESTION_TOO_LONG);
    }
    if (ask.neededBy() == null) {
      errors.put(DecisionIds.NEEDED_BY, DecisionMessages.NO_DATE);
    } else if (ask.neededBy().isBefore(today(askerId))) {
      errors.put(DecisionIds.NEEDED_BY, DecisionMessages.DATE_IN_PAST);
    }
    if (ask.link() != null
        && !ask.link().isBlank()
        && !ask.link().trim().matches("https://[^\\s<>|]{1,990}")) {
      errors.put(DecisionIds.LINK, DecisionMessages.BAD_LINK);
    }
    if (ask.context() != null && ask.context().length() > 2_000) {
      errors.put(DecisionIds.CONTEXT, DecisionMessages.CONTEXT_TOO_LONG);
    }
    if (ask.options() != null && ask.options().length() > 1_000) {
      errors.put(DecisionIds.OPTIONS, DecisionMessages.OPTIONS_TOO_LONG);
    }
    return errors;
  }

  /** Records a valid ask, tells the asker and brings it to the CXO by DM, with its buttons. */
  @Transactional
  public Decision ask(String askerId, Ask ask) {
    Decision d = new Decision();
    d.askerId = askerId;
    d.question = ask.question().trim();
    d.context = blankToNull(ask.context());
    d.options = blankToNull(ask.options());
    d.neededBy = ask.neededBy();
    d.aboutUserId = blankToNull(ask.aboutUserId());
    d.link = blankToNull(ask.link());
    d.status = DecisionStatus.OPEN;
    d.createdAt = clock.instant();
    d.persist();
    LOG.infof("%s asked the CXO for decision #%d", askerId, d.id);
    Optional<String> cxo = roles.cxo();
    outbox.enqueueAll(notices.asked(d, cxo.orElse(null)));
    cxo.ifPresent(c -> DecisionCopy.keep(d.id, DecisionKeys.cxoCopy(d.id)));
    return d;
  }

  /** Whether {@code caller} decides {@code d} now: the CXO, or the person it was delegated to. */
  static boolean mayDecide(Caller caller, Decision d) {
    return caller.isCxo()
        || (d.status == DecisionStatus.DELEGATED && caller.userId().equals(d.delegatedTo));
  }

  /**
   * Whether {@code caller} may open a form to act on decision {@code id}; with the message the
   * click came from ({@code seen}, null for none) remembered, so that it changes with the outcome.
   */
  @Transactional
  public Outcome open(Caller caller, long id, Seen seen) {
    Decision d = id < 0 ? null : Decision.findById(id);
    if (d == null) {
      return new Outcome.NotFound();
    }
    if (seen != null) {
      DecisionCopy.seen(d.id, seen.channel(), seen.ts(), seen.message());
    }
    if (!d.undecided()) {
      // A stale button: the message it was in is brought up to date.
      outbox.enqueueAll(notices.copiesChanged(d, DecisionCopy.of(d.id)));
      return new Outcome.Already(d);
    }
    return mayDecide(caller, d) ? new Outcome.Actionable(d) : new Outcome.NotYours(d);
  }

  /**
   * {@link Outcome.Actionable} when decision {@code id} exists, is undecided and {@code caller}
   * decides it; otherwise the outcome that says why not.
   */
  private static Outcome deciding(Caller caller, long id) {
    Decision d = id < 0 ? null : Decision.findById(id);
    if (d == null) {
      return new Outcome.NotFound();
    }
    if (!d.undecided()) {
      return new Outcome.Already(d);
    }
    return mayDecide(caller, d) ? new Outcome.Actionable(d) : new Outcome.NotYours(d);
  }

  /** Runs {@code action} on the decision if the caller may decide it now; else why not. */
  private Outcome ifDeciding(
      Caller caller, long id, java.util.function.Function<Decision, Outcome> action) {
    Outcome check = deciding(caller, id);
    return check instanceof Outcome.Actionable ok ? action.apply(ok.decision()) : check;
  }

  /** A message a decision was clicked in: its channel, ts and {@code {"text","blocks"}}. */
  public record Seen(String channel, String ts, String message) {}

  /**
   * Records the choice of option {@code index} once (a second press, or a second replica, finds it
   * decided), tells the asker which option, and updates every copy.
   */
  @Transactional
  public Outcome choose(Caller caller, long id, int index, String note) {
    return ifDeciding(
        caller,
        id,
        d -> {
          if (index < 0 || index >= d.choices().size()) {
            return new Outcome.NotFound();
          }
          String chosen = d.choices().get(index);
          DecisionStatus status =
              d.hasOptions()
                  ? DecisionStatus.DECIDED
                  : index == 0 ? DecisionStatus.APPROVED : DecisionStatus.DECLINED;
          int updated =
              Decision.update(
                  "status = ?1, decidedBy = ?2, decidedAt = ?3, note = ?4, chosenOption = ?5"
                      + " where id = ?6 and status in ?7",
                  status,
                  caller.userId(),
                  clock.instant(),
                  blankToNull(note),
                  d.hasOptions() ? chosen : null,
                  id,
                  List.of(DecisionStatus.OPEN, DecisionStatus.DELEGATED));
          Decision.getEntityManager().refresh(d);
          if (updated == 0) {
            return new Outcome.Already(d);
          }
          LOG.infof("%s decided #%d: option %d", caller.userId(), id, index + 1);
          outbox.enqueueAll(notices.decided(d));
          outbox.enqueueAll(notices.copiesChanged(d, DecisionCopy.of(d.id)));
          return new Outcome.Decided(d);
        });
  }

  /** Hands the decision to {@code delegateTo}, who gets the same buttons; the asker is told. */
  @Transactional
  public Outcome delegate(Caller caller, long id, String delegateTo, String note) {
    return ifDeciding(
        caller,
        id,
        d -> {
          d.status = DecisionStatus.DELEGATED;
          d.delegatedTo = delegateTo;
          d.decidedBy = caller.userId();
          d.decidedAt = clock.instant();
          d.note = blankToNull(note);
          LOG.infof("%s delegated #%d", caller.userId(), id);
          List<DecisionCopy> before = DecisionCopy.of(d.id);
          outbox.enqueueAll(notices.delegated(d, caller.userId()));
          outbox.enqueueAll(notices.copiesChanged(d, before));
          DecisionCopy.keep(d.id, DecisionKeys.delegateCopy(d.id, delegateTo));
          return new Outcome.Delegated(d);
        });
  }

  /**
   * Asks the asker for more: the request stays open, and the question starts a thread with the
   * asker (answered with a Reply button) that the decider sees in their own copy's thread.
   */
  @Transactional
  public Outcome askForMore(Caller caller, long id, String question, String submission) {
    return ifDeciding(
        caller,
        id,
        d -> {
          LOG.infof("%s asked for more on #%d", caller.userId(), id);
          outbox.enqueueAll(
              notices.moreAsked(
                  d, caller.userId(), question, submission, deciderThread(d, caller)));
          return new Outcome.MoreAsked(d);
        });
  }

  /** The asker's answer to a question: it goes to whoever decides now, in their copy's thread. */
  @Transactional
  public Outcome reply(Caller caller, long id, String text, String submission) {
    Decision d = id < 0 ? null : Decision.findById(id);
    if (d == null) {
      return new Outcome.NotFound();
    }
    if (!caller.userId().equals(d.askerId)) {
      return new Outcome.NotYours(d);
    }
    if (!d.undecided()) {
      return new Outcome.Already(d);
    }
    String decider =
        d.status == DecisionStatus.DELEGATED ? d.delegatedTo : roles.cxo().orElse(null);
    if (decider == null) {
      return new Outcome.NotFound();
    }
    String thread =
        d.status == DecisionStatus.DELEGATED
            ? DecisionKeys.delegateCopy(d.id, decider)
            : DecisionKeys.cxoCopy(d.id);
    outbox.enqueueAll(
        notices.replied(
            d, decider, text, submission, DecisionCopy.exists(d.id, thread) ? thread : null));
    return new Outcome.Replied(d);
  }

  /** The decider's own copy, whose thread shows the talk with the asker (null: none). */
  private static String deciderThread(Decision d, Caller caller) {
    String key =
        caller.userId().equals(d.delegatedTo)
            ? DecisionKeys.delegateCopy(d.id, caller.userId())
            : DecisionKeys.cxoCopy(d.id);
    return DecisionCopy.exists(d.id, key) ? key : null;
  }

  /**
   * Tells every Chief of Staff, once per decision, about open decisions past their needed-by date.
   */
  @Transactional
  public int flagOverdue() {
    Instant now = clock.instant();
    String cxo = roles.cxo().orElse(null);
    LocalDate today = now.atZone(cxo == null ? ZoneId.of("UTC") : zoneOf(cxo)).toLocalDate();
    List<Decision> overdue = Decision.overdueUnflagged(today);
    if (overdue.isEmpty()) {
      return 0;
    }
    List<String> admins = roles.admins();
    for (Decision d : overdue) {
      d.overdueFlaggedAt = now;
      outbox.enqueueAll(notices.overdue(d, admins));
    }
    LOG.infof(
        "Overdue decisions flagged: %d; Chiefs of Staff told: %d", overdue.size(), admins.size());
    return overdue.size();
  }

  /**
   * The log as the caller may see it: everything for the CXO and Chiefs of Staff, else their own.
   */
  @Transactional
  public List<Decision> log(Caller caller, DecisionStatus status, int limit) {
    boolean all = caller.isAdmin() || caller.isCxo();
    return Decision.log(status, all ? null : caller.userId(), limit);
  }

  /** Today's date in the person's time zone. */
  @Transactional
  public LocalDate today(String userId) {
    return clock.instant().atZone(zoneOf(userId)).toLocalDate();
  }

  ZoneId zoneOf(String userId) {
    return people.zoneOf(userId);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
