package dev.cosbot.platform.people;

import dev.cosbot.platform.scheduler.Schedules;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.Map;
import org.jboss.logging.Logger;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Re-reads the whole directory from Slack on a schedule, once per cluster. The timer is registered
 * through {@link Schedules#ensureCron} (not {@code @Scheduled}, which re-registers its trigger on
 * every instance start and can then fire on two instances; see {@link Schedules}).
 */
@ApplicationScoped
public class PeopleSyncJob implements Job {
  private static final Logger LOG = Logger.getLogger(PeopleSyncJob.class);

  @Inject PeopleDirectory directory;
  @Inject PeopleSettings settings;
  @Inject Schedules schedules;

  @Transactional
  void register(@Observes StartupEvent event) {
    schedules.ensureCron(
        "people", "sync", settings.syncCron(), ZoneOffset.UTC, PeopleSyncJob.class, Map.of());
  }

  /**
   * A fresh install knows nobody: fill the directory from Slack now (in the background, paced for
   * users.list's rate tier) rather than at the first nightly sync. Once per database.
   */
  void fillAtFirstStart(@Observes StartupEvent event) {
    Thread fill =
        new Thread(
            () -> {
              try {
                directory.fillOnce();
              } catch (RuntimeException e) {
                LOG.warnf(e, "People directory not filled at start; the nightly sync will");
              }
            },
            "people-first-fill");
    fill.setDaemon(true);
    fill.start();
  }

  @Override
  public void execute(JobExecutionContext context) {
    int count = directory.syncAll();
    LOG.infof(
        "People sync (scheduled for %s) stored %d users",
        context.getScheduledFireTime().toInstant(), count);
  }
}
