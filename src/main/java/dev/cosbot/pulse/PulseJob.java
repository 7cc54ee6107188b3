package dev.cosbot.pulse;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/**
 * The pulse timers (Quartz, clustered): open a round, send a time zone's DMs, remind, release
 * interim results, close, upload the trend chart. Each step is idempotent (unique rounds, outbox
 * keys, a chart ledger).
 */
@Dependent
public class PulseJob implements Job {
  static final String ACTION = "action";
  static final String SURVEY = "survey";
  static final String ROUND = "round";
  static final String ATTEMPT = "attempt";
  static final String ZONE = "zone";
  static final String LOCAL_START = "localStart";
  static final String OPEN = "open";
  static final String NOW = "now";
  static final String SEND = "send";
  static final String REMIND = "remind";
  static final String CLOSE = "close";
  static final String CHART = "chart";
  static final String RELEASE = "release";

  @Inject PulseService service;
  @Inject PulseCharts charts;

  @Override
  public void execute(JobExecutionContext context) {
    JobDataMap data = context.getMergedJobDataMap();
    switch (data.getString(ACTION)) {
      case OPEN ->
          service.openScheduledRound(
              Long.parseLong(data.getString(SURVEY)),
              NOW.equals(data.getString(LOCAL_START))
                  ? null
                  : LocalDateTime.parse(data.getString(LOCAL_START)));
      case SEND -> service.sendZone(Long.parseLong(data.getString(ROUND)), data.getString(ZONE));
      case REMIND -> service.remind(Long.parseLong(data.getString(ROUND)));
      case CLOSE -> service.close(Long.parseLong(data.getString(ROUND)));
      case RELEASE -> service.release(Long.parseLong(data.getString(ROUND)));
      case CHART ->
          charts.upload(
              Long.parseLong(data.getString(ROUND)),
              data.containsKey(ATTEMPT) ? Integer.parseInt(data.getString(ATTEMPT)) : 1);
      default -> {}
    }
  }
}
