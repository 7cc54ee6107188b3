package dev.cosbot.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestRequest;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What cadences contribute to the digest (next 7 days FYI, unready prep FYI, late prep WATCH) and
 * to a DRI's Home tab.
 */
@QuarkusTest
class CadenceDigestSourceTest extends SlackTestBase {
  @Inject TestClock clock;
  @Inject CadenceService cadences;
  @Inject CadenceDigestSource source;

  @AfterEach
  void cleanUp() throws Exception {
    clock.reset();
    execute("DELETE FROM cadence");
  }

  @Test
  void nextSevenDaysUnreadyAndLatePrep() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    clock.setTo(Instant.parse("2027-01-01T12:00:00Z"));
    cadences.create(
        new CadenceDraft(
            "Weekly <staff>",
            "U0OWNER",
            "FREQ=WEEKLY;BYDAY=TU",
            LocalDateTime.parse("2027-01-05T10:00"),
            berlin,
            "C0STAFF",
            List.of(),
            "",
            List.of(1440),
            List.of(
                new CadenceDraft.Task("Deck draft", "U0ANA", 1440),
                new CadenceDraft.Task("Room booked", "U0BEN", 120))),
        "U0ADMIN");

    Instant now = Instant.parse("2027-01-04T10:00:00Z"); // deck draft due 2027-01-04T09:00Z: late
    List<DigestItem> items =
        source.items(new DigestRequest("U0CXO", false, now, now.minusSeconds(86_400), berlin));

    assertThat(items)
        .filteredOn(i -> i.key().startsWith("cadence:"))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.section()).isEqualTo(DigestSection.FYI);
              assertThat(i.text())
                  .contains("Weekly &lt;staff&gt;")
                  .contains("<!date^" + Instant.parse("2027-01-05T09:00:00Z").getEpochSecond())
                  .contains("Tue 5 Jan 2027, 10:00 AM (Berlin)")
                  .contains("prep 0/2 ready");
            });
    assertThat(items)
        .filteredOn(i -> i.section() == DigestSection.WATCH)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.text())
                  .contains("Late prep")
                  .contains("Deck draft")
                  .contains("<@U0ANA>");
              assertThat(i.button()).isNotNull();
            });
    assertThat(items)
        .filteredOn(i -> i.text().contains("Room booked"))
        .singleElement()
        .satisfies(i -> assertThat(i.section()).isEqualTo(DigestSection.FYI));
    assertThat(items).allSatisfy(i -> assertThat(i.text().length()).isLessThanOrEqualTo(300));

    // The Home tab shows a DRI their open prep tasks.
    clock.setTo(now);
    String event =
        "{\"type\":\"app_home_opened\",\"user\":\"U0ANA\",\"channel\":\"D0HOME\",\"tab\":\"home\",\"event_ts\":\"1700000000.000100\"}";
    SlackRequests.event(
            "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10), event, null)
        .then()
        .statusCode(200);
    assertThat(awaitCalls("views.publish", "Your prep tasks", 1).get(0).toString())
        .contains("Deck draft")
        .contains("late");
  }
}
