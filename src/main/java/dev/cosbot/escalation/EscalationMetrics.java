package dev.cosbot.escalation;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open escalations and SLA breaches as gauges, so an operator sees them next to the outbox figures;
 * counted in the database (the same on every pod), refreshed every 30 seconds. Confidential
 * escalations are not counted: operators are not entitled to know they exist.
 */
@ApplicationScoped
public class EscalationMetrics {
  @Inject AgroalDataSource dataSource;
  @Inject MeterRegistry registry;
  @Inject java.time.Clock clock;

  private final AtomicLong open = new AtomicLong();
  private final AtomicLong ackBreached = new AtomicLong();
  private final AtomicLong resolveBreached = new AtomicLong();
  private volatile long refreshedAt;

  void register(@Observes StartupEvent event) {
    Gauge.builder("cosbot_escalations_open", this, m -> m.refresh(m.open))
        .description("Escalations not yet resolved (all pods see the same number)")
        .register(registry);
    Gauge.builder("cosbot_escalations_sla_breached", this, m -> m.refresh(m.ackBreached))
        .description("Open escalations past their acknowledgement or resolution target")
        .tag("target", "acknowledge")
        .register(registry);
    Gauge.builder("cosbot_escalations_sla_breached", this, m -> m.refresh(m.resolveBreached))
        .description("Open escalations past their acknowledgement or resolution target")
        .tag("target", "resolve")
        .register(registry);
  }

  private double refresh(AtomicLong value) {
    long now = System.nanoTime();
    if (now - refreshedAt > 30_000_000_000L || refreshedAt == 0) {
      refreshedAt = now;
      java.sql.Timestamp at = java.sql.Timestamp.from(clock.instant());
      try (Connection c = dataSource.getConnection();
          var ps =
              c.prepareStatement(
                  "SELECT count(*) FILTER (WHERE status <> 'RESOLVED'),"
                      + " count(*) FILTER (WHERE status = 'OPEN' AND ack_due_at < ?),"
                      + " count(*) FILTER (WHERE status <> 'RESOLVED' AND resolve_due_at < ?)"
                      // A confidential escalation leaves no trace, not even in a count.
                      + " FROM escalation WHERE NOT confidential")) {
        ps.setTimestamp(1, at);
        ps.setTimestamp(2, at);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          open.set(rs.getLong(1));
          ackBreached.set(rs.getLong(2));
          resolveBreached.set(rs.getLong(3));
        }
      } catch (Exception e) {
        // The database is unreachable: keep the last figures.
      }
    }
    return value.get();
  }
}
