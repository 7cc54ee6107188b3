package dev.cosbot.dashboard;

import static dev.cosbot.dashboard.DashboardTestSupport.get;
import static dev.cosbot.dashboard.DashboardTestSupport.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cosbot.escalation.EscalationIds;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;

/**
 * SLA targets and the digest schedule changed on the settings page: refused without the form's CSRF
 * token (nothing changes), audited when made, and in force in Slack — the next escalation's
 * acknowledgement clock runs to the new target and its timer climbs the chain at that test-clock
 * time.
 */
@QuarkusTest
class DashboardSettingsChangeTest extends SlackTestBase {
  private static final String OWNER = "U0SLAOWNER";
  private static final String BACKUP = "U0SLABACKUP";

  @Inject TestClock clock;
  @Inject Scheduler quartz;

  @AfterEach
  void restoreDefaults() throws Exception {
    clock.reset();
    execute(
        "DELETE FROM workspace_setting WHERE setting_key LIKE 'escalation.sla.%'"
            + " OR setting_key LIKE 'digest.%'");
  }

  @Test
  void aChangeWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
    String cos = signIn("U0ADMIN");
    String before = get(cos, "/app/settings").then().statusCode(200).extract().asString();
    assertThat(before).contains("1 business day");

    for (String token : new String[] {null, "forged"}) {
      Response refused =
          post(cos, token, Map.of("change", "sla.set", "severity", "S3", "ack", "2 hours"));
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.asString()).contains("Nothing was changed");
      refused =
          post(cos, token, Map.of("change", "digest.set", "sendAt", "09:15", "days", "MONDAY"));
      assertThat(refused.statusCode()).isEqualTo(403);
    }
    assertThat(
            scalar(
                "SELECT count(*) FROM workspace_setting WHERE setting_key LIKE 'escalation.sla.%' OR setting_key LIKE 'digest.%'"))
        .isZero();
    assertThat(
            scalar(
                "SELECT count(*) FROM dashboard_audit WHERE change IN ('sla.set', 'digest.set')"))
        .isZero();
    String after = get(cos, "/app/settings").then().statusCode(200).extract().asString();
    assertThat(section(after, "SLA targets")).isEqualTo(section(before, "SLA targets"));
    assertThat(section(after, "Daily digest")).isEqualTo(section(before, "Daily digest"));
  }

  @Test
  void aNewAcknowledgementTargetRunsTheNextEscalationsClock() throws Exception {
    String cos = signIn("U0ADMIN");
    String csrf = DashboardSignInTest.csrfOf(get(cos, "/app/settings").asString());

    // Words that are not a time get a field message and change nothing.
    Response bad =
        post(
            cos,
            csrf,
            Map.of("change", "sla.set", "severity", "S3", "ack", "soonish", "resolve", "3 days"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.asString()).contains("like 30 minutes, 4 hours, 2 days or 1 business day");
    assertThat(
            scalar(
                "SELECT count(*) FROM workspace_setting WHERE setting_key LIKE 'escalation.sla.%'"))
        .isZero();

    Response saved =
        post(
            cos,
            csrf,
            Map.of("change", "sla.set", "severity", "S3", "ack", "2 hours", "resolve", "3 days"));
    assertThat(saved.statusCode()).isEqualTo(303);
    String page = get(cos, "/app/settings?saved=1").asString();
    assertThat(section(page, "SLA targets")).contains("2 hours", "3 days");
    assertThat(section(page, "Audit trail"))
        .contains("Set the SLA targets of S3")
        .contains("acknowledge within 2 hours, resolve within 3 days");

    // The next S3 escalation in Slack: its acknowledgement clock is 2 hours, and at that test-clock
    // time its timer climbs to the backup.
    SlackApiTestResource.knowsUser(slack, OWNER, "slaowner", "Sla Owner", "UTC");
    SlackApiTestResource.knowsUser(slack, BACKUP, "slabackup", "Sla Backup", "UTC");
    String area = "Plumbing" + System.nanoTime() % 100000;
    SlackRequests.cos(
            "U0ADMIN",
            "route add area \"" + area + "\" owner <@" + OWNER + "|o> backup <@" + BACKUP + "|b>")
        .then()
        .statusCode(200);
    // Ahead of the real time, so that Quartz leaves the timer to this test.
    Instant raisedAt = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
    clock.setTo(raisedAt);
    String title = "Burst pipe " + area;
    DashboardTestSupport.raiseEscalation("U0SLAREPORTER", title, "S3", area, false);
    awaitScalar("SELECT count(*) FROM escalation WHERE title = '" + title + "'", 1);
    long id = scalar("SELECT id FROM escalation WHERE title = '" + title + "'");
    assertThat(
            scalar(
                "SELECT extract(epoch FROM ack_due_at - created_at) FROM escalation WHERE id = "
                    + id))
        .isEqualTo(Duration.ofHours(2).toSeconds());
    JobKey timer = JobKey.jobKey(EscalationIds.ackTimer(id) + "-1", EscalationIds.TIMER_GROUP);
    Trigger trigger = quartz.getTriggersOfJob(timer).get(0);
    long dueMillis =
        scalar(
            "SELECT (extract(epoch FROM ack_due_at) * 1000)::bigint FROM escalation WHERE id = "
                + id);
    assertThat(trigger.getNextFireTime().getTime()).isCloseTo(dueMillis, within(1L));
    assertThat(Duration.between(raisedAt, Instant.ofEpochMilli(dueMillis)))
        .isBetween(Duration.ofHours(2), Duration.ofHours(2).plusMinutes(1));

    // Not yet at 1 hour 59 minutes; at the target, the timer climbs to the backup.
    clock.setTo(Instant.ofEpochMilli(dueMillis).minus(Duration.ofMinutes(1)));
    quartz.triggerJob(timer);
    holdsFor(
        Duration.ofSeconds(2),
        () -> scalar("SELECT count(*) FROM escalation_step WHERE escalation_id = " + id) == 0);
    clock.setTo(Instant.ofEpochMilli(dueMillis).plusSeconds(1));
    quartz.triggerJob(timer);
    awaitScalar("SELECT count(*) FROM escalation_step WHERE escalation_id = " + id, 1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                matching("chat.postMessage", title).stream()
                    .anyMatch(m -> m.get("channel").getAsString().equals(BACKUP)));
  }

  @Test
  void theDigestTimeAndDaysAreEditableAndAudited() throws Exception {
    String cos = signIn("U0ADMIN");
    String csrf = DashboardSignInTest.csrfOf(get(cos, "/app/settings").asString());
    Response none = post(cos, csrf, Map.of("change", "digest.set", "sendAt", "09:15"));
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.asString()).contains("Pick at least one day for the digest.");

    Response saved =
        post(
            cos,
            csrf,
            Map.of(
                "change", "digest.set", "sendAt", "09:15", "days", List.of("TUESDAY", "THURSDAY")));
    assertThat(saved.statusCode()).isEqualTo(303);
    String page = get(cos, "/app/settings").asString();
    assertThat(section(page, "Daily digest"))
        .contains("At 09:15 in the CXO&#39;s own time zone, on Tuesday, Thursday.")
        .contains("value=\"09:15\"")
        .contains("value=\"TUESDAY\" checked")
        .doesNotContain("value=\"MONDAY\" checked");
    assertThat(section(page, "Audit trail"))
        .contains("Set the digest to 09:15 in the CXO&#39;s own time zone, on Tuesday, Thursday");
  }

  private static Response post(String cookie, String csrf, Map<String, ?> form) {
    return DashboardTestSupport.postSettings(cookie, csrf, form);
  }

  private static String section(String html, String heading) {
    int start = html.indexOf("<h2>" + heading + "</h2>");
    assertThat(start).as("section %s", heading).isNotNegative();
    return html.substring(start, html.indexOf("</section>", start));
  }
}
