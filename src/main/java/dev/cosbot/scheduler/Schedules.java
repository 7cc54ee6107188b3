package dev.cosbot.scheduler;

import static org.quartz.CronScheduleBuilder.cronSchedule;
import static org.quartz.JobBuilder.newJob;
import static org.quartz.SimpleScheduleBuilder.simpleSchedule;
import static org.quartz.TriggerBuilder.newTrigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

/**
 * Timers that survive restarts and fire once across replicas (Quartz, JDBC store, clustered).
 * Called inside a business transaction, the schedule commits or rolls back with it (jdbc-cmt).
 *
 * <p>Misfire policy: a timer missed while every instance was down fires once as soon as one is
 * back ("fire now"); a cron timer then keeps its schedule — never a burst of missed firings.
 * Jobs are re-run after a crash mid-execution (request recovery), so they must be idempotent
 * (the outbox's idempotency keys make that easy).
 */
@ApplicationScoped
public class Schedules {
  @Inject Scheduler quartz;

  /** Runs {@code job} once at {@code at}; replaces an earlier timer with the same group and name. */
  public void once(String group, String name, Instant at, Class<? extends Job> job, Map<String, String> data) {
    JobDetail detail = detail(group, name, job, data);
    Trigger trigger =
        newTrigger()
            .withIdentity(name, group)
            .forJob(detail)
            .startAt(Date.from(at))
            .withSchedule(simpleSchedule().withMisfireHandlingInstructionFireNow())
            .build();
    schedule(detail, trigger);
  }

  /** Runs {@code job} on a Quartz cron expression in {@code zone} (DST-aware); replaces an earlier one. */
  public void cron(String group, String name, String cron, ZoneId zone, Class<? extends Job> job, Map<String, String> data) {
    JobDetail detail = detail(group, name, job, data);
    Trigger trigger =
        newTrigger()
            .withIdentity(name, group)
            .forJob(detail)
            .withSchedule(
                cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone)).withMisfireHandlingInstructionFireAndProceed())
            .build();
    schedule(detail, trigger);
  }

  /** Removes a timer; true if there was one. */
  public boolean cancel(String group, String name) {
    try {
      return quartz.deleteJob(JobKey.jobKey(name, group));
    } catch (SchedulerException e) {
      throw new IllegalStateException("Could not cancel timer " + group + "/" + name, e);
    }
  }

  /** When the timer fires next, if it exists. */
  public Optional<Instant> nextFire(String group, String name) {
    try {
      Trigger trigger = quartz.getTrigger(TriggerKey.triggerKey(name, group));
      return trigger == null || trigger.getNextFireTime() == null
          ? Optional.empty()
          : Optional.of(trigger.getNextFireTime().toInstant());
    } catch (SchedulerException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JobDetail detail(String group, String name, Class<? extends Job> job, Map<String, String> data) {
    JobDataMap map = new JobDataMap();
    data.forEach(map::put);
    return newJob(job).withIdentity(name, group).usingJobData(map).requestRecovery(true).build();
  }

  private void schedule(JobDetail detail, Trigger trigger) {
    try {
      quartz.scheduleJob(detail, Set.of(trigger), true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("Could not schedule " + detail.getKey(), e);
    }
  }
}
