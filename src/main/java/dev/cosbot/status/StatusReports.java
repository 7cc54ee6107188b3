package dev.cosbot.status;

import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
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

  /** The rollup between {@code from} and {@code to} for the filter. */
  @Transactional
  public Rollup rollup(Instant from, Instant to, RollupQueries.Filter filter) {
    try (Connection c = dataSource.getConnection()) {
      return RollupQueries.build(c, from, to, filter);
    } catch (SQLException e) {
      throw new IllegalStateException("Rollup failed", e);
    }
  }

  /**
   * Posts this week's report to every report channel that has not had it yet. Returns how many were
   * posted.
   */
  public int postWeekly() {
    Instant now = clock.instant();
    int posted = 0;
    for (String channel : channels()) {
      try {
        posted += postTo(channel, now) ? 1 : 0;
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
  boolean postTo(String channel, Instant now) {
    var date = now.atOffset(ZoneOffset.UTC);
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
            "status:report:" + channel + ":" + week,
            channel,
            StatusBlocks.reportText(r),
            StatusBlocks.report(r, "Weekly status report", ZoneOffset.UTC, settings.reportTopN())));
    return true;
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
