package dev.cosbot.platform.scheduler;

import static org.quartz.CronScheduleBuilder.cronSchedule;
import static org.quartz.JobBuilder.newJob;
import static org.quartz.SimpleScheduleBuilder.simpleSchedule;
import static org.quartz.TriggerBuilder.newTrigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

/**
 * Timers that survive restarts and fire once across replicas (Quartz, JDBC store, clustered).
 * Called inside a business transaction, the schedule commits or rolls back with it (jdbc-cmt).
 *
 * <p>Misfire policy: a timer missed while every instance was down fires once as soon as one is back
 * ("fire now"); a cron timer then keeps its schedule — never a burst of missed firings. Jobs are
 * re-run after a crash mid-execution (request recovery), so they must be idempotent (the outbox's
 * idempotency keys make that easy).
 *
 * <p>Replacing a timer gives it a <em>fresh trigger key</em> (the job keeps its group and name).
 * Quartz checks at fire time only that a trigger with the acquired key is still "acquired"; when a
 * timer was replaced under the same key while another instance held an acquisition of it, both
 * instances fired, and kept doing so on every later firing. An acquisition of a replaced trigger
 * now points at a key that no longer exists and is dropped. For the same reason, timers that every
 * instance registers at start-up use {@link #ensureCron}, which leaves an identical timer alone —
 * unlike Quarkus' {@code @Scheduled}, which re-registers its triggers on every instance start, so
 * {@code @Scheduled} is only for idempotent housekeeping (purges).
 */
@ApplicationScoped
public class Schedules {
  @Inject Scheduler quartz;

  /**
   * Runs {@code job} once at {@code at}; replaces an earlier timer with the same group and name.
   */
  public void once(
      String group, String name, Instant at, Class<? extends Job> job, Map<String, String> data) {
    JobDetail detail = detail(group, name, job, data);
    Trigger trigger =
        newTrigger()
            .withIdentity(freshTriggerName(name), group)
            .forJob(detail)
            .startAt(Date.from(at))
            .withSchedule(simpleSchedule().withMisfireHandlingInstructionFireNow())
            .build();
    schedule(detail, trigger);
  }

  /**
   * Runs {@code job} on a Quartz cron expression in {@code zone} (DST-aware); replaces an earlier
   * one.
   */
  public void cron(
      String group,
      String name,
      String cron,
      ZoneId zone,
      Class<? extends Job> job,
      Map<String, String> data) {
    JobDetail detail = detail(group, name, job, data);
    Trigger trigger =
        newTrigger()
            .withIdentity(freshTriggerName(name), group)
            .forJob(detail)
            .withSchedule(
                cronSchedule(cron)
                    .inTimeZone(TimeZone.getTimeZone(zone))
                    .withMisfireHandlingInstructionFireAndProceed())
            .build();
    schedule(detail, trigger);
  }

  /**
   * Makes sure a cron timer exists as described, for timers every instance registers at start-up:
   * an identical timer is left untouched (its next firing, and any instance's acquisition of it,
   * stay valid); a missing or different one is (re)created.
   */
  public void ensureCron(
      String group,
      String name,
      String cron,
      ZoneId zone,
      Class<? extends Job> job,
      Map<String, String> data) {
    try {
      JobKey key = JobKey.jobKey(name, group);
      JobDetail existing = quartz.getJobDetail(key);
      List<? extends Trigger> triggers =
          existing == null ? List.of() : quartz.getTriggersOfJob(key);
      boolean same =
          existing != null
              && existing.getJobClass().equals(job)
              && existing.getJobDataMap().getWrappedMap().equals(data)
              && triggers.size() == 1
              && triggers.get(0) instanceof CronTrigger c
              && c.getCronExpression().equals(cron)
              && c.getTimeZone().getID().equals(TimeZone.getTimeZone(zone).getID());
      if (!same) {
        cron(group, name, cron, zone, job, data);
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("Could not register timer " + group + "/" + name, e);
    }
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
      return quartz.getTriggersOfJob(JobKey.jobKey(name, group)).stream()
          .map(Trigger::getNextFireTime)
          .filter(java.util.Objects::nonNull)
          .min(Date::compareTo)
          .map(Date::toInstant);
    } catch (SchedulerException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String freshTriggerName(String name) {
    return name + "~" + java.util.UUID.randomUUID().toString().substring(0, 8);
  }

  private static JobDetail detail(
      String group, String name, Class<? extends Job> job, Map<String, String> data) {
    JobDataMap map = new JobDataMap();
    data.forEach(map::put);
    return newJob(job).withIdentity(name, group).usingJobData(map).requestRecovery(true).build();
  }

  private void schedule(JobDetail detail, Trigger trigger) {
    try {
      // Replace = remove the job with all its triggers, then store it with the fresh one (one
      // transaction).
      quartz.deleteJob(detail.getKey());
      quartz.scheduleJob(detail, Set.of(trigger), false);
    } catch (ObjectAlreadyExistsException e) {
      throw new IllegalStateException("Timer " + detail.getKey() + " was created concurrently", e);
    } catch (SchedulerException e) {
      throw new IllegalStateException("Could not schedule " + detail.getKey(), e);
    }
  }
}
