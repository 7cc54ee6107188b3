package dev.cosbot.digest;

import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Sends each reader's digest once per working day at their local send time. Run by a periodic
 * clustered sweep: "is it past 07:30 in the reader's zone today, before the late cut-off, and not
 * sent yet?" — so a digest missed while the bot was down goes out once when it is back, and the
 * ledger row plus the outbox key keep it to one message across replicas.
 */
@ApplicationScoped
public class DigestDelivery {
  private static final Logger LOG = Logger.getLogger(DigestDelivery.class);

  @Inject DigestService digests;
  @Inject DigestSettings settings;
  @Inject DigestSchedule schedule;
  @Inject Roles roles;
  @Inject Outbox outbox;
  @Inject Clock clock;

  /** Checks every reader; returns how many digests were queued by this call. */
  public int sweep() {
    Instant now = clock.instant();
    int sent = 0;
    for (String reader : readers()) {
      try {
        if (deliverIfDue(reader, now)) {
          sent++;
        }
      } catch (RuntimeException e) {
        LOG.errorf(e, "Digest for %s not sent this sweep; the next sweep tries again", reader);
      }
    }
    return sent;
  }

  /** The CXO first, then Chiefs of Staff who opted in (and are still Chiefs of Staff). */
  public List<String> readers() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Set<String> readers = new LinkedHashSet<>();
              roles.cxo().ifPresent(readers::add);
              List<String> admins = roles.admins();
              for (String id : DigestSubscriber.userIds()) {
                if (admins.contains(id) || roles.configuredAdmins().contains(id)) {
                  readers.add(id);
                }
              }
              return new ArrayList<>(readers);
            });
  }

  /**
   * Queues the reader's digest if it is due at {@code now} and not sent yet today (their local
   * day).
   */
  public boolean deliverIfDue(String reader, Instant now) {
    ZoneId zone = digests.zoneOf(reader);
    ZonedDateTime local = now.atZone(zone);
    if (!due(local)) {
      return false;
    }
    LocalDate date = local.toLocalDate();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              if (!DigestLedger.claim(reader, date, now)) {
                return false;
              }
              boolean cxo = roles.cxo().filter(reader::equals).isPresent();
              DigestContent.Kind kind =
                  cxo ? DigestContent.Kind.CXO : DigestContent.Kind.CHIEF_OF_STAFF;
              DigestService.Built built = digests.build(reader, kind, now, zone);
              outbox.enqueue(
                  SlackCalls.postMessage(
                          key(reader, date),
                          reader,
                          built.rendered().text(),
                          built.rendered().blocks())
                      // A digest is about its day: not sent after the reader's day has ended.
                      .expiringAt(date.plusDays(1).atStartOfDay(zone).toInstant()));
              if (cxo && !built.overrideIds().isEmpty()) {
                DigestOverride.update(
                    "consumedAt = ?1 where id in ?2 and consumedAt is null",
                    now,
                    built.overrideIds());
              }
              DigestLedger.recordCount(reader, date, built.content().total());
              LOG.infof(
                  "Digest for %s (%s) queued: %d items, %d shown",
                  reader, date, built.content().total(), built.rendered().shown());
              return true;
            });
  }

  /**
   * Working day, not a holiday, past the send time and before the late cut-off, in the reader's
   * zone.
   */
  public boolean due(ZonedDateTime local) {
    LocalDate date = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    DigestSchedule.Times times = schedule.now();
    return times.days().contains(date.getDayOfWeek())
        && !settings.holidays().orElse(List.of()).contains(date)
        && !time.isBefore(times.sendAt())
        && time.isBefore(settings.latest());
  }

  /** The outbox key of a reader's digest for a local date. */
  public static String key(String reader, LocalDate date) {
    return "digest:" + reader + ":" + date;
  }
}
