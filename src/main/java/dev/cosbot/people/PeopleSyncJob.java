package dev.cosbot.people;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Re-reads the whole directory from Slack on a schedule (once per cluster, via Quartz). */
@ApplicationScoped
public class PeopleSyncJob {
  private static final Logger LOG = Logger.getLogger(PeopleSyncJob.class);

  @Inject PeopleDirectory directory;

  @Scheduled(cron = "${cosbot.people.sync-cron}", identity = "people-sync")
  void sync(ScheduledExecution execution) {
    int count = directory.syncAll();
    LOG.infof("People sync (scheduled for %s) stored %d users", execution.getScheduledFireTime(), count);
  }
}
