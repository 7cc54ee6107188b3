package dev.cosbot.dashboard;

import static dev.cosbot.dashboard.DashboardTestSupport.get;
import static dev.cosbot.dashboard.DashboardTestSupport.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.pulse.PulseTeamRounds;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

/**
 * The pulse page's team heatmap under the same rules as in Slack, from rounds run through Slack:
 * teams of 6, 4 and 5 at k=5 show only the team of 6 (the 4 is below k, and with it alone hidden
 * "total minus the others" would reveal it, so the 5 goes too); a round below k shows nothing.
 */
@QuarkusTest
class DashboardPulseTest extends SlackTestBase {
  @Inject TestClock clock;
  @Inject Scheduler quartz;

  @TestHTTPResource("/")
  URL root;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void teamsOfSixFourAndFiveAtKFiveShowOnlyTheTeamOfSix() throws Exception {
    LinkedHashMap<String, List<String>> teams = new LinkedHashMap<>();
    teams.put("S0DSIX", people("U0DS", 6));
    teams.put("S0DFOUR", people("U0DF", 4));
    teams.put("S0DFIVE", people("U0DV", 5));
    PulseTeamRounds.closedRound(
        slack, dataSource, clock, quartz, "U0ADMIN", "Dashboard heatmap", teams, 5);

    long survey = scalar("SELECT id FROM pulse_survey WHERE title = 'Dashboard heatmap'");
    String page = get(signIn("U0ADMIN"), "/app/pulse").then().statusCode(200).extract().asString();
    String heatmap = part(page, "<table id=\"table-teams-" + survey + "\">", "</table>");
    assertThat(heatmap.split("<tr>")).hasSize(3); // the header row and one team
    assertThat(heatmap)
        .contains("@s0dsix (team s0dsix)", "5.0")
        .doesNotContain("s0dfour", "s0dfive");
    try (Browser b = new Browser(root.toString())) {
      b.open("/app/sign-in/" + DashboardTestSupport.linkToken("U0ADMIN"));
      b.click("Continue to the dashboard");
      b.open("/app/pulse");
      assertThat(b.text()).contains("By team, round 1");
      b.screenshot("cos-pulse-teams");
    }
    assertThat(page)
        .contains("2 teams are not shown: too few answers to keep them anonymous.")
        .doesNotContain("S0DFOUR", "S0DFIVE", "s0dfour", "s0dfive");
  }

  @Test
  void aRoundBelowKShowsNothing() throws Exception {
    LinkedHashMap<String, List<String>> teams = new LinkedHashMap<>();
    teams.put("S0DTHREE", people("U0DT", 3));
    PulseTeamRounds.closedRound(
        slack, dataSource, clock, quartz, "U0ADMIN", "Dashboard below k", teams, 5);

    String page = get(signIn("U0ADMIN"), "/app/pulse").then().statusCode(200).extract().asString();
    String section = part(page, "<h2>Dashboard below k</h2>", "</section>");
    assertThat(section)
        .contains("Hidden: too few answers to keep them anonymous", "— of 3")
        .doesNotContain("average", "3 of 3");
    assertThat(page).doesNotContain("s0dthree", "Teams by question");
  }

  private static String part(String page, String from, String to) {
    int start = page.indexOf(from);
    assertThat(start).as("%s in the page", from).isNotNegative();
    return page.substring(start, page.indexOf(to, start));
  }

  private static List<String> people(String prefix, int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
  }
}
