package dev.cosbot.escalation;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz timer: the resolution target passed; say so in the thread and audit it (once). */
@Dependent
public class EscalationResolveDueJob implements Job {
  @Inject EscalationService service;

  @Override
  public void execute(JobExecutionContext context) {
    service.resolveDue(Long.parseLong(context.getMergedJobDataMap().getString("escalationId")));
  }
}
