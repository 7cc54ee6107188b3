package dev.cosbot.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.google.gson.JsonObject;
import dev.cosbot.testsupport.BlockKitLimits;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Chief of Staff chooses the zone of channel reports through {@code /cos report zone} and its
 * form; the weekly report then fires at Friday 16:00 in that zone, by the test clock, once.
 */
@QuarkusTest
class StatusReportZoneTest extends SlackTestBase {
  @Inject dev.cosbot.platform.support.SignedMetadata signer;
  @Inject TestClock clock;
  @Inject StatusJobs jobs;

  @AfterEach
  void reset() throws Exception {
    clock.reset();
    execute(
        "DELETE FROM workspace_setting WHERE setting_key = '" + StatusReports.ZONE_SETTING + "'");
  }

  static String zoneChoice(String zone) {
    return "{\""
        + StatusIds.REPORT_ZONE
        + "\":{\"v\":{\"type\":\"static_select\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"z\"},\"value\":\""
        + zone
        + "\"}}}}";
  }

  String submitZone(String user, String zone) {
    String body =
        SlackRequests.interaction(
                SlackRequests.viewSubmission(
                    user, StatusIds.REPORT_ZONE_MODAL, "", zoneChoice(zone)))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    BlockKitLimits.assertAckValid(body);
    return body;
  }

  @Test
  void theChosenZoneIsConfirmedAndTheWeeklyReportFiresAtFourInTheAfternoonThere() throws Exception {
    // The form: only a Chief of Staff opens it; it offers zones.
    SlackRequests.cos("U0MEMBER1", "report zone")
        .then()
        .statusCode(200)
        .body("text", containsString("Chief of Staff"));
    SlackRequests.cos("U0ADMIN", "report zone").then().statusCode(200);
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                slack.getAllServeEvents().stream()
                    .filter(e -> e.getRequest().getUrl().endsWith("/api/views.open"))
                    .map(
                        e ->
                            URLDecoder.decode(
                                e.getRequest().getBodyAsString(), StandardCharsets.UTF_8))
                    .anyMatch(
                        b ->
                            b.contains(StatusIds.REPORT_ZONE_MODAL)
                                && b.contains("\"value\":\"Asia/Tokyo\"")));

    // A member's forged submission and a zone that does not exist: refused in place.
    assertThat(submitZone("U0MEMBER1", "Asia/Tokyo")).contains("Only a Chief of Staff");
    assertThat(submitZone("U0ADMIN", "Mars/Olympus")).contains("Choose a time zone");
    assertThat(
            scalar(
                "SELECT count(*) FROM workspace_setting WHERE setting_key = '"
                    + StatusReports.ZONE_SETTING
                    + "'"))
        .isZero();

    // The Chief of Staff chooses Tokyo: stored, and confirmed by DM with the zone named.
    assertThat(submitZone("U0ADMIN", "Asia/Tokyo")).doesNotContain("errors");
    JsonObject confirmed = awaitCalls("chat.postMessage", "Reports now use Tokyo time", 1).get(0);
    assertThat(confirmed.get("channel").getAsString()).isEqualTo("U0ADMIN");
    assertThat(confirmed.get("text").getAsString()).contains("Fridays at 4:00 PM (Tokyo)");

    // An initiative reporting to a channel.
    String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String channel = "C0ZONE" + suffix;
    String name = "Zoned " + suffix;
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ADMIN",
                StatusIds.INITIATIVE_MODAL,
                signer.sign(StatusIds.NEW_INITIATIVE),
                StatusRequests.initiativeValues(name, "U0ADMIN", "Ops", "10:00", channel)))
        .then()
        .statusCode(200);

    // Friday 15:59 in Tokyo (06:59 UTC): the job fires, nothing goes out yet.
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    Instant due = LocalDateTime.parse("2027-01-15T16:00").atZone(tokyo).toInstant();
    clock.setTo(due.minusSeconds(60));
    jobs.scheduledReport();
    assertThat(matching("chat.postMessage", "\"channel\":\"" + channel + "\"")).isEmpty();

    // 16:00 in Tokyo: the report goes out, its dates in Tokyo time; later firings add nothing.
    clock.setTo(due.plusSeconds(30));
    jobs.scheduledReport();
    clock.setTo(due.plus(Duration.ofHours(5)));
    jobs.scheduledReport();
    JsonObject report = awaitCalls("chat.postMessage", "\"channel\":\"" + channel + "\"", 1).get(0);
    assertThat(report.toString())
        .contains("Weekly status report")
        .contains("Fri 8 Jan – Fri 15 Jan (Tokyo time)")
        .contains(name);
    assertThat(matching("chat.postMessage", "\"channel\":\"" + channel + "\"")).hasSize(1);
    assertThat(scalar("SELECT count(*) FROM status_report WHERE channel = '" + channel + "'"))
        .isEqualTo(1);
  }
}
