package dev.cosbot.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestRequest;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.platform.spi.TeamSignal;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What escalations contribute to the CXO digest, and what confidential ones reveal to whom. */
@QuarkusTest
class EscalationDigestSourceTest extends SlackTestBase {
  @Inject EscalationDigestSource source;
  @Inject EscalationService service;
  @Inject Roles roles;

  private static Optional<DigestItem> item(List<DigestItem> items, Escalation e) {
    return items.stream().filter(i -> i.key().equals("escalation:" + e.id)).findFirst();
  }

  private static DigestRequest request(String reader, Instant now) {
    return new DigestRequest(reader, false, now, now.minus(Duration.ofDays(1)), ZoneId.of("UTC"));
  }

  @Test
  void sectionsFollowSeverityAgeAndResolution() {
    String area = "Digest-" + UUID.randomUUID().toString().substring(0, 6);
    Escalation s1 =
        service.raise(
            "U0DGREPORTER",
            new EscalationService.Draft("Site down", null, Severity.S1, area, null, false));
    Escalation s3 =
        service.raise(
            "U0DGREPORTER",
            new EscalationService.Draft("Wiki slow", null, Severity.S3, area, null, false));
    Escalation done =
        service.raise(
            "U0DGREPORTER",
            new EscalationService.Draft("Badge broken", null, Severity.S2, area, null, false));
    service.resolve(roles.of("U0ADMIN"), done.id, "Replaced the reader");

    Instant fresh = s3.createdAt.plusSeconds(1);
    List<DigestItem> early = source.items(request("U0CXO", fresh));
    assertThat(item(early, s1))
        .get()
        .satisfies(
            i -> {
              assertThat(i.section()).isEqualTo(DigestSection.NEEDS_YOU);
              assertThat(i.text()).contains("Site down").contains("S1");
            });
    assertThat(item(early, s3)).as("a fresh S3 is not worth the CXO's time").isEmpty();
    assertThat(item(early, done))
        .get()
        .extracting(DigestItem::section)
        .isEqualTo(DigestSection.FYI);

    Instant aging = s3.ackDueAt.minus(Duration.ofMinutes(1));
    assertThat(item(source.items(request("U0CXO", aging)), s3))
        .get()
        .extracting(DigestItem::section)
        .isEqualTo(DigestSection.WATCH);
    Instant breached = s3.ackDueAt.plus(Duration.ofMinutes(1));
    assertThat(item(source.items(request("U0CXO", breached)), s3))
        .get()
        .satisfies(
            i -> {
              assertThat(i.section()).isEqualTo(DigestSection.NEEDS_YOU);
              assertThat(i.text()).contains("SLA breached");
            });

    List<TeamSignal> signals = source.teamSignals(request("U0CXO", fresh));
    assertThat(signals)
        .filteredOn(t -> t.team().equals(area))
        .singleElement()
        .satisfies(t -> assertThat(t.summary()).isEqualTo("2 open escalations (1 S1)"));
  }

  @Test
  void confidentialOnesAppearOnlyToThoseEntitled() {
    String area = "Digest-" + UUID.randomUUID().toString().substring(0, 6);
    Escalation secret =
        service.raise(
            "U0DGREPORTER",
            new EscalationService.Draft("Secret merger", null, Severity.S2, area, null, true));
    Instant now = secret.createdAt.plusSeconds(1);
    // Not a line, not a count by area: for a stranger — and for the CXO, who is neither its
    // reporter, its owner nor a Chief of Staff — it does not exist.
    assertThat(item(source.items(request("U0STRANGER", now)), secret)).isEmpty();
    assertThat(item(source.items(request("U0CXO", now)), secret)).isEmpty();
    assertThat(source.teamSignals(request("U0CXO", now)))
        .noneMatch(t -> t.team().equalsIgnoreCase(area));
    assertThat(source.teamSignals(request("U0ADMIN", now)))
        .noneMatch(t -> t.team().equalsIgnoreCase(area));
    assertThat(item(source.items(request("U0ADMIN", now)), secret).orElseThrow().text())
        .contains("Secret merger", "confidential");
    assertThat(item(source.items(request("U0DGREPORTER", now)), secret).orElseThrow().text())
        .contains("Secret merger");
  }
}
