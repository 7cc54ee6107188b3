package dev.cosbot.platform.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * A Quartz timer scheduled from code fires once, can inject beans, and rolls back with its
 * transaction.
 */
@QuarkusTest
class SchedulesTest extends SlackTestBase {
  @Inject Schedules schedules;
  @Inject ScheduleInTransaction tx;

  /** Posts a message whose text comes from the job data. */
  @Dependent
  public static class PostJob implements Job {
    @Inject Outbox outbox;

    @Override
    @Transactional
    public void execute(JobExecutionContext context) {
      String marker = context.getMergedJobDataMap().getString("marker");
      outbox.enqueue(SlackCalls.postMessage("job:" + marker, "C0JOBS", "Timer " + marker, null));
    }
  }

  @Dependent
  public static class ScheduleInTransaction {
    @Inject Schedules schedules;

    @Transactional
    public void scheduleThenFail(String marker) {
      schedules.once(
          "test", marker, Instant.now().plusMillis(500), PostJob.class, Map.of("marker", marker));
      throw new IllegalStateException("business change failed");
    }
  }

  @Test
  void aOneOffTimerFiresOnce() throws Exception {
    String marker = UUID.randomUUID().toString();
    schedules.once(
        "test", marker, Instant.now().plusSeconds(1), PostJob.class, Map.of("marker", marker));
    assertThat(schedules.nextFire("test", marker)).isPresent();
    awaitCalls("chat.postMessage", "Timer " + marker, 1);
    org.awaitility.Awaitility.await()
        .during(java.time.Duration.ofMillis(1500))
        .atMost(java.time.Duration.ofSeconds(3))
        .until(() -> matching("chat.postMessage", "Timer " + marker).size() == 1);
    assertThat(schedules.nextFire("test", marker)).isEmpty();
  }

  @Test
  void aTimerScheduledInAFailedTransactionIsNotKept() throws Exception {
    String marker = UUID.randomUUID().toString();
    try {
      tx.scheduleThenFail(marker);
    } catch (IllegalStateException expected) {
      // rolled back
    }
    assertThat(schedules.nextFire("test", marker)).isEmpty();
    org.awaitility.Awaitility.await()
        .during(java.time.Duration.ofMillis(1500))
        .atMost(java.time.Duration.ofSeconds(3))
        .until(() -> matching("chat.postMessage", "Timer " + marker).isEmpty());
  }

  @Test
  void cancelledTimersDoNotFire() throws Exception {
    String marker = UUID.randomUUID().toString();
    schedules.once(
        "test", marker, Instant.now().plusSeconds(1), PostJob.class, Map.of("marker", marker));
    assertThat(schedules.cancel("test", marker)).isTrue();
    await().pollDelay(Duration.ofMillis(2000)).until(() -> true);
    assertThat(matching("chat.postMessage", "Timer " + marker)).isEmpty();
  }
}
