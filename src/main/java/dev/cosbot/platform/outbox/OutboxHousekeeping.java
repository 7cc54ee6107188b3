package dev.cosbot.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Purges delivered messages after {@code cosbot.outbox.keep-sent}; dead letters are kept until
 * requeued.
 */
@ApplicationScoped
public class OutboxHousekeeping {
  private static final Logger LOG = Logger.getLogger(OutboxHousekeeping.class);

  @Inject OutboxStore store;
  @Inject OutboxSettings settings;

  @Scheduled(cron = "0 40 3 * * ?", identity = "outbox-purge")
  void purge() throws Exception {
    int purged = store.purgeSentBefore(settings.keepSent());
    int references = store.purgeReferencesBefore(settings.keepReferences());
    LOG.infof(
        "Outbox purge removed %d delivered or expired messages and %d old message references",
        purged, references);
  }
}
