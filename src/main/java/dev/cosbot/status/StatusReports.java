package dev.cosbot.status;

import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.PeopleDirectory;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.people.WorkspaceSetting;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Rollups on demand and the weekly report to each report channel (once per channel and week). */
@ApplicationScoped
public class StatusReports {
  private static final Logger LOG = Logger.getLogger(StatusReports.class);

  @Inject AgroalDataSource dataSource;
  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject Clock clock;
  @Inject StatusSettings settings;
  @Inject Roles roles;
  @Inject PeopleDirectory people;

  /** The rollup between {@code from} and {@code to} for the filter. */
  @Transactional
  public Rollup rollup(Instant from, Instant to, RollupQueries.Filter filter) {
    try (Connection c = dataSource.getConnection()) {
      return RollupQueries.build(c, from, to, filter);
    } catch (SQLException e) {
      throw new IllegalStateException("Rollup failed", e);
    }
  }

  /** Workspace setting: the zone reports and their schedule use, chosen by a Chief of Staff. */
  static final String ZONE_SETTING = "status.report_zone";

  /**
   * The zone of reports addressed to channels: the one a Chief of Staff chose, else the first Chief
   * of Staff's own Slack zone, else UTC. Read outside any transaction (the people directory may ask
   * Slack).
   */
  public ZoneId reportZone() {
    Optional<String> chosen =
        QuarkusTransaction.joiningExisting().call(() -> WorkspaceSetting.get(ZONE_SETTING));
    if (chosen.isPresent()) {
      try {
        return ZoneId.of(chosen.get());
      } catch (java.time.DateTimeException e) {
        LOG.warnf("Ignoring the stored report zone %s", chosen.get());
      }
    }
    List<String> admins = roles.admins();
    return admins.isEmpty() ? ZoneOffset.UTC : people.zoneOf(admins.get(0));
  }

  /** Stores the zone a Chief of Staff chose for reports. */
  @Transactional
  public void chooseZone(String zoneId, String by) {
    WorkspaceSetting.put(ZONE_SETTING, ZoneId.of(zoneId).getId(), by);
  }

  /**
   * The weekly report when it is due: from the configured weekday and time in the report zone until
   * the end of that week, each report channel gets this week's report once.
   */
  public int postWeeklyIfDue(Instant now) {
    ZoneId zone = reportZone();
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime due =
        local
            .toLocalDate()
            .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
            .with(
                java.time.temporal.TemporalAdjusters.nextOrSame(
                    java.time.DayOfWeek.valueOf(settings.reportDay().toUpperCase(Locale.ROOT))))
            .atTime(LocalTime.parse(settings.reportTime()))
            .atZone(zone);
    return now.isBefore(due.toInstant()) ? 0 : postWeekly(now, zone);
  }

  /**
   * Posts this week's report to every report channel that has not had it yet. Returns how many were
   * posted.
   */
  public int postWeekly() {
    return postWeekly(clock.instant(), reportZone());
  }

  int postWeekly(Instant now, ZoneId zone) {
    int posted = 0;
    for (String channel : channels()) {
      try {
        posted += postTo(channel, now, zone) ? 1 : 0;
      } catch (RuntimeException e) {
        LOG.errorf(e, "Weekly status report to %s failed", channel);
      }
    }
    return posted;
  }

  @Transactional
  List<String> channels() {
    return em.createQuery(
            "select distinct i.reportChannel from Initiative i where i.reportChannel is not null and i.state <> :done",
            String.class)
        .setParameter("done", Initiative.State.DONE)
        .getResultList();
  }

  @Transactional
  boolean postTo(String channel, Instant now, ZoneId zone) {
    var date = now.atZone(zone);
    String week =
        date.get(IsoFields.WEEK_BASED_YEAR) + "-W" + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    List<?> last =
        em.createNativeQuery(
                "SELECT posted_at FROM status_report WHERE channel = ?1 ORDER BY posted_at DESC LIMIT 1")
            .setParameter(1, channel)
            .getResultList();
    Instant from = last.isEmpty() ? now.minus(Duration.ofDays(7)) : toInstant(last.get(0));
    int inserted =
        em.createNativeQuery(
                "INSERT INTO status_report (channel, week_key, from_at, posted_at) VALUES (?1, ?2, ?3, ?4)"
                    + " ON CONFLICT (channel, week_key) DO NOTHING")
            .setParameter(1, channel)
            .setParameter(2, week)
            .setParameter(3, from)
            .setParameter(4, now)
            .executeUpdate();
    if (inserted == 0) {
      return false;
    }
    Rollup r = rollup(from, now, new RollupQueries.Filter(null, null, channel));
    outbox.enqueue(
        SlackCalls.postMessage(
            StatusKeys.weekly(channel, week),
            channel,
            StatusBlocks.reportText(r),
            StatusBlocks.report(r, StatusBlocks.WEEKLY_TITLE, zone, settings.reportTopN())));
    return true;
  }

  /**
   * Posts the last 7 days' report of {@code scope} to {@code channel} on {@code userId}'s request,
   * in the report zone, and tells them where it went; one post per submission.
   */
  public void share(ReportScope scope, String channel, String userId, String submissionId) {
    ZoneId zone = reportZone();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Instant now = clock.instant();
              Rollup r = rollup(now.minus(Duration.ofDays(7)), now, scope.filter());
              String about =
                  scope.initiativeId() != null
                      ? Initiative.<Initiative>findByIdOptional(scope.initiativeId())
                          .map(i -> i.name)
                          .orElse(null)
                      : scope.team();
              String key = StatusKeys.sharedReport(channel, userId, submissionId);
              List<com.slack.api.model.block.LayoutBlock> blocks =
                  new java.util.ArrayList<>(
                      StatusBlocks.report(
                          r, StatusBlocks.reportTitle(about), zone, settings.reportTopN()));
              blocks.add(StatusBlocks.sharedBy(userId));
              outbox.enqueue(
                  SlackCalls.postMessage(key, channel, StatusBlocks.reportText(r), blocks));
              outbox.enqueue(
                  SlackCalls.postMessage(
                      key + ":told", userId, StatusMessages.reportShared(channel), null));
            });
  }

  private static Instant toInstant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    throw new IllegalStateException("Unexpected time " + value);
  }
}
