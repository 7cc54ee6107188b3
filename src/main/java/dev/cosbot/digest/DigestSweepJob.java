package dev.cosbot.digest;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The periodic, clustered check that sends due digests (once per cluster per firing, via Quartz).
 */
@ApplicationScoped
public class DigestSweepJob {
  private static final Logger LOG = Logger.getLogger(DigestSweepJob.class);

  @Inject DigestDelivery delivery;

  @Scheduled(
      cron = "${cosbot.digest.sweep-cron}",
      identity = "digest-sweep",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sweep() {
    int sent = delivery.sweep();
    if (sent > 0) {
      LOG.infof("Digest sweep queued %d digest(s)", sent);
    }
  }
}
