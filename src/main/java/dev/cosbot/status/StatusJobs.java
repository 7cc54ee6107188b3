package dev.cosbot.status;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The status feature's timers: a check-in sweep every minute (idempotent per initiative and period,
 * so a sweep on two replicas or after a restart is harmless) and the weekly report.
 */
@ApplicationScoped
public class StatusJobs {
  private static final Logger LOG = Logger.getLogger(StatusJobs.class);

  @Inject StatusCheckins checkins;
  @Inject StatusReports reports;
  @Inject Clock clock;

  @Scheduled(
      every = "${cosbot.status.sweep-every}",
      identity = "status-sweep",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduledSweep() {
    sweep(clock.instant());
  }

  @Scheduled(
      every = "${cosbot.status.sweep-every}",
      identity = "status-weekly-report",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduledReport() {
    int n = reports.postWeeklyIfDue(clock.instant());
    if (n > 0) {
      LOG.infof("Weekly status report posted to %d channel(s)", n);
    }
  }

  /**
   * Runs every active initiative's check-in step as of {@code now}; one failure does not stop the
   * rest.
   */
  public int sweep(Instant now) {
    int done = 0;
    for (Long id : checkins.activeIds()) {
      try {
        checkins.step(id, now);
        done++;
      } catch (RuntimeException e) {
        LOG.errorf(e, "Status check-in of initiative %d failed; retried on the next sweep", id);
      }
    }
    return done;
  }
}
