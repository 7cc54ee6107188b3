package dev.cosbot.digest;

import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.people.RolesChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A newly named CXO's first message is an introduction, not an empty digest: what will come and
 * when, in their own zone. Sent once per person, in the transaction that named them.
 */
@ApplicationScoped
public class DigestWelcome {
  @Inject Roles roles;
  @Inject Outbox outbox;
  @Inject DigestService digests;
  @Inject DigestDelivery delivery;
  @Inject DigestSchedule schedule;
  @Inject Clock clock;

  void onRolesChanged(@Observes RolesChanged change) {
    String cxo = change.userId();
    if (roles.cxo().filter(cxo::equals).isEmpty()) {
      return;
    }
    ZoneId zone = digests.zoneOf(cxo);
    Instant first = firstDigest(clock.instant(), zone);
    outbox.enqueue(
        SlackCalls.postMessage(
            DigestMessages.welcomeKey(cxo),
            cxo,
            DigestMessages.welcomeText(),
            List.of(
                com.slack.api.model.block.Blocks.section(
                    s ->
                        s.text(
                            com.slack.api.model.block.composition.BlockCompositions.markdownText(
                                DigestMessages.welcome(cxo, first, zone)))))));
  }

  /** When the first digest goes out: now if one is due today, else the next working morning. */
  Instant firstDigest(Instant now, ZoneId zone) {
    ZonedDateTime local = now.atZone(zone);
    if (delivery.due(local)) {
      return now;
    }
    LocalDate day = local.toLocalDate();
    java.time.LocalTime sendAt = schedule.now().sendAt();
    for (int i = 0; i < 370; i++, day = day.plusDays(1)) {
      ZonedDateTime at = day.atTime(sendAt).atZone(zone);
      if (at.isAfter(local) && delivery.due(at)) {
        return at.toInstant();
      }
    }
    return now;
  }
}
