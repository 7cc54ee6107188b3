package dev.cosbot.decision;

import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.PeopleDirectory;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.NotAllowedException;
import dev.cosbot.platform.support.SlackText;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Decisions asked of the CXO: anyone asks, only the CXO chooses (Approve, Decline, Delegate, Ask
 * for more), the asker is told by DM, and the Chiefs of Staff are told once when one is overdue. No
 * Block Kit here.
 */
@ApplicationScoped
public class DecisionService {
  private static final Logger LOG = Logger.getLogger(DecisionService.class);
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  @Inject Outbox outbox;
  @Inject Roles roles;
  @Inject PeopleDirectory people;
  @Inject Clock clock;

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
      errors.put(DecisionIds.QUESTION, "Please say what needs deciding.");
    } else if (ask.question().length() > 300) {
      errors.put(
          DecisionIds.QUESTION,
          "Keep the question under 300 characters; put details in the context.");
    }
    if (ask.neededBy() == null) {
      errors.put(DecisionIds.NEEDED_BY, "Please pick the date you need the decision by.");
    } else if (ask.neededBy().isBefore(today(askerId))) {
      errors.put(DecisionIds.NEEDED_BY, "That date is in the past.");
    }
    if (ask.link() != null
        && !ask.link().isBlank()
        && !ask.link().trim().matches("https://[^\\s<>|]{1,990}")) {
      errors.put(
          DecisionIds.LINK, "Paste a link starting with https:// (a status update or thread).");
    }
    if (ask.context() != null && ask.context().length() > 2_000) {
      errors.put(DecisionIds.CONTEXT, "Keep the context under 2,000 characters.");
    }
    if (ask.options() != null && ask.options().length() > 1_000) {
      errors.put(DecisionIds.OPTIONS, "Keep the options under 1,000 characters.");
    }
    return errors;
  }

  /** Records a valid ask and tells the asker it is on its way to the CXO. */
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
    outbox.enqueue(
        SlackCalls.postMessage(
            "decision-asked:" + d.id,
            askerId,
            "Your decision request #"
                + d.id
                + " — *"
                + SlackText.escapeAndCut(d.question, 200)
                + "* — is in the CXO's"
                + " digest under *Needs you*, needed by "
                + DAY.format(d.neededBy)
                + ". I'll tell you what they decide.",
            null));
    return d;
  }

  /** Refuses anyone but the CXO: only the executive makes the decisions asked of them. */
  public void requireDecider(Caller caller) {
    if (!caller.isCxo()) {
      throw new NotAllowedException(
          "Sorry, only the CXO can make this decision. Chiefs of Staff can pin or mute it in the digest.");
    }
  }

  /**
   * Records the CXO's choice once (a second press, or a second replica, finds it decided), tells
   * the asker and, for a delegation, the delegate. Returns the confirmation for the CXO.
   */
  @Transactional
  public String decide(
      Caller caller, long id, DecisionStatus outcome, String note, String delegateTo) {
    requireDecider(caller);
    if (outcome == DecisionStatus.OPEN) {
      throw new IllegalArgumentException("not an outcome");
    }
    if (outcome == DecisionStatus.DELEGATED && (delegateTo == null || delegateTo.isBlank())) {
      throw new UserFacingException("Please pick the person to delegate to.");
    }
    Instant now = clock.instant();
    int updated =
        Decision.update(
            "status = ?1, decidedBy = ?2, decidedAt = ?3, note = ?4, delegatedTo = ?5 where id = ?6 and status = ?7",
            outcome,
            caller.userId(),
            now,
            blankToNull(note),
            outcome == DecisionStatus.DELEGATED ? delegateTo : null,
            id,
            DecisionStatus.OPEN);
    Decision d = Decision.findById(id);
    if (d == null) {
      throw new UserFacingException(
          id < 0
              ? "I can't find that decision. Type `/cos decisions` to see the open ones."
              : "I can't find decision #" + id + ".");
    }
    if (updated == 0) {
      return "Decision #"
          + id
          + " was already recorded: "
          + d.status.label().toLowerCase(Locale.ROOT)
          + (d.decidedBy == null ? "" : " by " + SlackText.mention(d.decidedBy))
          + (d.decidedAt == null
              ? ""
              : " on " + DAY.format(d.decidedAt.atZone(zoneOf(caller.userId()))))
          + ".";
    }
    Decision.getEntityManager().refresh(d);
    LOG.infof("%s recorded decision #%d: %s", caller.userId(), id, outcome);
    String q = "*" + SlackText.escapeAndCut(d.question, 200) + "*";
    String noteText =
        d.note == null ? "" : "\n>" + SlackText.escapeAndCut(d.note, 1_000).replace("\n", "\n>");
    String cxo = SlackText.mention(caller.userId());
    String toAsker =
        switch (outcome) {
          case APPROVED -> cxo + " *approved* your decision request #" + id + ": " + q + noteText;
          case DECLINED -> cxo + " *declined* your decision request #" + id + ": " + q + noteText;
          case DELEGATED ->
              cxo
                  + " *delegated* your decision request #"
                  + id
                  + " ("
                  + q
                  + ") to "
                  + SlackText.mention(delegateTo)
                  + ". They will decide."
                  + noteText;
          case MORE_INFO ->
              cxo
                  + " needs *more information* before deciding on #"
                  + id
                  + ": "
                  + q
                  + noteText
                  + "\nWhen you have it, ask again with `/cos decision`.";
          case OPEN -> throw new IllegalStateException();
        };
    outbox.enqueue(SlackCalls.postMessage("decision-outcome:" + id, d.askerId, toAsker, null));
    if (outcome == DecisionStatus.DELEGATED) {
      outbox.enqueue(
          SlackCalls.postMessage(
              "decision-delegated:" + id,
              delegateTo,
              cxo
                  + " delegated a decision to you, asked by "
                  + SlackText.mention(d.askerId)
                  + ": "
                  + q
                  + " (needed by "
                  + DAY.format(d.neededBy)
                  + ")."
                  + (d.context == null
                      ? ""
                      : "\n>" + SlackText.escapeAndCut(d.context, 1_500).replace("\n", "\n>"))
                  + noteText,
              null));
    }
    return "Recorded: decision #"
        + id
        + " "
        + outcome.label().toLowerCase(Locale.ROOT)
        + ". "
        + SlackText.mention(d.askerId)
        + " has been told.";
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
      for (String admin : admins) {
        outbox.enqueue(
            SlackCalls.postMessage(
                "decision-overdue:" + d.id + ":" + admin,
                admin,
                ":alarm_clock: Decision #"
                    + d.id
                    + " is past its needed-by date ("
                    + DAY.format(d.neededBy)
                    + ") and still open: *"
                    + SlackText.escapeAndCut(d.question, 200)
                    + "* — asked by "
                    + SlackText.mention(d.askerId)
                    + ". `/cos digest pin decision:"
                    + d.id
                    + "` puts it at the top of the next digest.",
                null));
      }
    }
    LOG.infof(
        "Flagged %d overdue decision(s) to %d Chief(s) of Staff", overdue.size(), admins.size());
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
