package dev.cosbot.escalation;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Quartz timer: the acknowledgement target passed, so take the next chain step (if still
 * unacknowledged).
 */
@Dependent
public class EscalationClimbJob implements Job {
  @Inject EscalationService service;

  @Override
  public void execute(JobExecutionContext context) {
    long id = Long.parseLong(context.getMergedJobDataMap().getString("escalationId"));
    int step = Integer.parseInt(context.getMergedJobDataMap().getString("step"));
    service.climb(id, step);
  }
}
