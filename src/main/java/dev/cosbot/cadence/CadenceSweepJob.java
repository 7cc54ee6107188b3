package dev.cosbot.cadence;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The periodic sweep: every {@code cosbot.cadence.sweep-interval} one instance of the cluster
 * (Quartz, JDBC store) computes what is due from the clock and posts it. A sweep is safe to run
 * twice or on two instances at once: the ledger's unique row decides who posts.
 */
@ApplicationScoped
public class CadenceSweepJob {
  private static final Logger LOG = Logger.getLogger(CadenceSweepJob.class);

  @Inject CadenceService cadences;

  @Scheduled(
      every = "${cosbot.cadence.sweep-interval}",
      identity = "cadence-sweep",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    sweep();
  }

  /**
   * One pass over every running cadence, each in its own transaction; returns ledger rows recorded.
   */
  public int sweep() {
    int recorded = 0;
    for (long id : cadences.activeIds()) {
      try {
        recorded += cadences.sweep(id);
      } catch (RuntimeException e) {
        LOG.errorf(e, "Cadence sweep failed for cadence %d; will retry on the next sweep", id);
      }
    }
    if (recorded > 0) {
      LOG.debugf("Cadence sweep recorded %d reminder(s)", recorded);
    }
    return recorded;
  }
}
