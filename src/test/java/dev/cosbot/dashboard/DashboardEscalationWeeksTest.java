package dev.cosbot.dashboard;

import static dev.cosbot.dashboard.DashboardTestSupport.get;
import static dev.cosbot.dashboard.DashboardTestSupport.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.escalation.EscalationIds;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Time to acknowledge and to resolve by area, week by week: escalations raised, acknowledged and
 * resolved through Slack at test-clock times, then read on the escalations page as a table and two
 * charts.
 */
@QuarkusTest
class DashboardEscalationWeeksTest extends SlackTestBase {
  private static final String OWNER = "U0WKOWNER";

  @Inject TestClock clock;
  @Inject SignedMetadata signer;

  @TestHTTPResource("/")
  URL root;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void mediansByAreaAndWeekFromEscalationsHandledAtTestClockTimes() throws Exception {
    String area = "Facilities" + System.nanoTime() % 100000;
    SlackApiTestResource.knowsUser(slack, OWNER, "wkowner", "Week Owner", "UTC");
    SlackRequests.cos("U0ADMIN", "route add area \"" + area + "\" owner <@" + OWNER + "|owner>")
        .then()
        .statusCode(200);
    // Weeks ahead of the real time, so that Quartz leaves the escalations' timers alone.
    LocalDate thisMonday =
        LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(2);
    Instant twoWeeksAgo = thisMonday.minusWeeks(2).atTime(9, 0).toInstant(ZoneOffset.UTC);

    // Two weeks ago: acknowledged after 30 minutes, resolved after 4 hours.
    clock.setTo(twoWeeksAgo);
    long first = raise("Leaking roof " + area, area);
    clock.advance(Duration.ofMinutes(30));
    ack(first);
    clock.advance(Duration.ofMinutes(210));
    resolve(first);

    // This week: acknowledged after 2 hours, still open.
    clock.setTo(thisMonday.atTime(9, 0).toInstant(ZoneOffset.UTC));
    long second = raise("Broken lift " + area, area);
    clock.advance(Duration.ofHours(2));
    ack(second);

    String page =
        get(signIn("U0ADMIN"), "/app/escalations").then().statusCode(200).extract().asString();
    String table = page.substring(page.indexOf("<table id=\"table-area-weeks\">"));
    table = table.substring(0, table.indexOf("</table>"));
    assertThat(table)
        .contains(area)
        .containsPattern(
            "<td>"
                + area
                + "</td><td>Week of [A-Za-z]{3} "
                + thisMonday.minusWeeks(2).getDayOfMonth()
                + " [^<]+</td><td>1</td><td>30 min</td><td>4 h</td>")
        .containsPattern(
            "<td>"
                + area
                + "</td><td>Week of [A-Za-z]{3} "
                + thisMonday.getDayOfMonth()
                + " [^<]+</td><td>1</td><td>2 h</td><td>—</td>");
    assertThat(page)
        .contains("aria-labelledby=\"esc-ack-t esc-ack-d\"")
        .contains("<title id=\"esc-ack-t\">Median time to acknowledge, by area and week</title>")
        .contains("<title id=\"esc-resolve-t\">Median time to resolve, by area and week</title>")
        .containsPattern("<title>" + area + ", [^:]+: 0.5 h</title>")
        .containsPattern("<title>" + area + ", [^:]+: 2 h</title>");

    // The same page in Chromium, for the user guide.
    try (Browser b = new Browser(root.toString())) {
      b.open("/app/sign-in/" + DashboardTestSupport.linkToken("U0ADMIN"));
      b.click("Continue to the dashboard");
      b.open("/app/escalations");
      assertThat(b.text()).contains("Week by week");
      b.screenshot("cos-escalations-weeks");
    }

    String csv =
        get(signIn("U0ADMIN"), "/app/escalations.csv?table=area-weeks")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(csv).contains(area).contains("30 min").contains("4 h");
  }

  private long raise(String title, String area) throws Exception {
    DashboardTestSupport.raiseEscalation("U0WKREPORTER", title, "S3", area, false);
    awaitScalar("SELECT count(*) FROM escalation WHERE title = '" + title + "'", 1);
    return scalar("SELECT id FROM escalation WHERE title = '" + title + "'");
  }

  private void ack(long id) {
    SlackRequests.interaction(
            SlackRequests.blockAction(OWNER, EscalationIds.ACK, signer.signId(id), "b"))
        .then()
        .statusCode(200);
    awaitScalar(
        "SELECT count(*) FROM escalation WHERE id = " + id + " AND acknowledged_at IS NOT NULL", 1);
  }

  private void resolve(long id) {
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                OWNER,
                EscalationIds.RESOLVE_VIEW,
                signer.signId(id),
                "{\"esc_resolution\":{\"value\":{\"type\":\"plain_text_input\",\"value\":\"Fixed\"}}}"))
        .then()
        .statusCode(200);
    awaitScalar("SELECT count(*) FROM escalation WHERE id = " + id + " AND status = 'RESOLVED'", 1);
  }
}
