package dev.cosbot.decision;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tells the Chiefs of Staff about overdue decisions, on the digest's sweep schedule (once per
 * cluster).
 */
@ApplicationScoped
public class DecisionOverdueJob {
  @Inject DecisionService decisions;

  @Scheduled(
      cron = "${cosbot.digest.sweep-cron}",
      identity = "decision-overdue",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void flag() {
    decisions.flagOverdue();
  }
}
