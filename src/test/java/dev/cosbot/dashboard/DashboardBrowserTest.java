package dev.cosbot.dashboard;

import static dev.cosbot.dashboard.DashboardTestSupport.linkToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real headless Chromium: each role signs in through the personal link from
 * {@code /cos dashboard} and sees exactly its pages; a spent or expired link signs nobody in. Every
 * page is saved as a screenshot under target/dashboard-screenshots (docs/user-guide/dashboard has a
 * copy).
 */
@QuarkusTest
class DashboardBrowserTest extends SlackTestBase {
  static final List<String> MEMBER_PAGES = List.of("Me", "Escalations", "Decisions", "Rhythm");
  static final List<String> CXO_PAGES =
      List.of("Me", "Portfolio", "Escalations", "Pulse", "Decisions", "Rhythm", "Weekly review");
  static final List<String> COS_PAGES =
      List.of(
          "Me",
          "Portfolio",
          "Escalations",
          "Pulse",
          "Decisions",
          "Rhythm",
          "Weekly review",
          "Settings");

  @TestHTTPResource("/")
  URL root;

  @Inject TestClock clock;

  DashboardFixture fixture;

  @BeforeEach
  void people() throws Exception {
    // Earlier tests asked Slack about these people before WireMock knew them: the directory waits
    // a few minutes before asking again, so the test moves past that.
    clock.advance(Duration.ofMinutes(6));
    SlackApiTestResource.knowsUser(slack, "U0ADMIN", "Casey Chief", "Casey Chief", "Europe/Berlin");
    SlackApiTestResource.knowsUser(slack, "U0CXO", "Alex Exec", "Alex Exec", "Europe/Berlin");
    SlackApiTestResource.knowsUser(
        slack, "U0MEMBER", "Morgan Member", "Morgan Member", "Europe/Berlin");
    SlackApiTestResource.knowsUser(
        slack, "U0OWNER1", "Priya Patel", "Priya Patel", "Europe/Berlin");
    SlackApiTestResource.knowsUser(
        slack, "U0OWNER2", "Sam Okafor", "Sam Okafor", "America/New_York");
    SlackApiTestResource.knowsUser(slack, "U0OWNER3", "Lee Chen", "Lee Chen", "Asia/Singapore");
    for (String id : List.of("U0ADMIN", "U0CXO", "U0MEMBER", "U0OWNER1", "U0OWNER2", "U0OWNER3")) {
      execute("UPDATE person SET synced_at = NULL WHERE slack_user_id = '" + id + "'");
    }
    fixture = new DashboardFixture(dataSource, "");
    fixture.create();
  }

  @AfterEach
  void cleanUp() throws Exception {
    clock.reset();
    fixture.remove();
  }

  @Test
  void aMemberSignsInAndSeesOnlyTheirPages() throws Exception {
    try (Browser b = new Browser(root.toString())) {
      signIn(b, "U0MEMBER");
      assertThat(b.heading()).isEqualTo("Me");
      assertThat(b.menu()).containsExactlyElementsOf(MEMBER_PAGES);
      assertThat(b.text()).contains("Self-serve onboarding").contains("Morgan Member");
      b.screenshot("member-me");
      b.open("/app/decisions");
      assertThat(b.text()).contains("Hire a second SRE?").doesNotContain("Frankfurt");
      b.screenshot("member-decisions");

      // A Chief of Staff page: refused, and nothing of it shown.
      b.open("/app/portfolio");
      assertThat(b.heading()).isEqualTo("Not for your role");
      assertThat(b.text()).doesNotContain("EU data residency");
      b.screenshot("member-403");
      b.open("/app/settings");
      assertThat(b.heading()).isEqualTo("Not for your role");
    }
  }

  @Test
  void aChiefOfStaffSeesEveryPage() throws Exception {
    try (Browser b = new Browser(root.toString())) {
      signIn(b, "U0ADMIN");
      assertThat(b.menu()).containsExactlyElementsOf(COS_PAGES);
      b.screenshot("cos-me");

      b.click("Portfolio");
      assertThat(b.heading()).isEqualTo("Portfolio");
      assertThat(b.text())
          .contains("EU data residency")
          .contains("Sam Okafor")
          .contains("RAG over the weeks")
          .contains("Decision on the hosting region");
      b.screenshot("cos-portfolio");

      b.driver.findElement(By.linkText(fixtureName("EU data residency"))).click();
      assertThat(b.text()).contains("RAG timeline").contains("blocked on legal review");
      b.screenshot("cos-initiative");

      for (String page : List.of("Escalations", "Pulse", "Decisions", "Rhythm", "Weekly review")) {
        b.click(page);
        assertThat(b.menu()).containsExactlyElementsOf(COS_PAGES);
        b.screenshot("cos-" + page.toLowerCase().replace(' ', '-'));
      }
      assertThat(b.text())
          .contains("Weekly business review")
          .contains("Host EU data in Frankfurt?");

      b.click("Settings");
      assertThat(b.text()).contains("Casey Chief").contains("Audit trail");
      new Select(b.driver.findElement(By.cssSelector("#add-route select[name=owner]")))
          .selectByVisibleText("Priya Patel");
      b.driver.findElement(By.cssSelector("#add-route input[name=area]")).sendKeys("Legal");
      b.click("Add rule");
      assertThat(b.text()).contains("Saved.").contains("Legal").contains("Added routing rule");
      b.screenshot("cos-settings");
      execute("DELETE FROM escalation_route WHERE area = 'Legal'");
    }
  }

  @Test
  void theCxoSeesTheirPagesButNotSettings() throws Exception {
    try (Browser b = new Browser(root.toString())) {
      signIn(b, "U0CXO");
      assertThat(b.menu()).containsExactlyElementsOf(CXO_PAGES);
      b.click("Weekly review");
      assertThat(b.heading()).isEqualTo("Weekly business review");
      b.screenshot("cxo-review");
      b.open("/app/settings");
      assertThat(b.heading()).isEqualTo("Not for your role");
    }
  }

  @Test
  void aUsedOrExpiredLinkGetsAClearPageAndNoSession() throws Exception {
    String used = linkToken("U0MEMBER");
    String expired = linkToken("U0MEMBER");
    try (Browser first = new Browser(root.toString())) {
      first.open("/app/sign-in/" + used);
      first.click("Continue to the dashboard");
      assertThat(first.heading()).isEqualTo("Me");
    }
    try (Browser b = new Browser(root.toString())) {
      b.open("/app/sign-in/" + used);
      assertThat(b.heading()).isEqualTo("This link no longer works");
      assertThat(b.text()).contains("/cos dashboard");
      b.screenshot("link-used");
      assertThat(b.driver.manage().getCookieNamed(DashboardPaths.COOKIE)).isNull();
      b.open("/app");
      assertThat(b.heading()).isEqualTo("Sign in");

      clock.advance(Duration.ofMinutes(6));
      b.open("/app/sign-in/" + expired);
      assertThat(b.heading()).isEqualTo("This link no longer works");
      assertThat(b.driver.manage().getCookieNamed(DashboardPaths.COOKIE)).isNull();
    }
  }

  private void signIn(Browser b, String userId) {
    b.open("/app/sign-in/" + linkToken(userId));
    assertThat(b.heading()).isEqualTo("Sign in to cos-bot");
    b.click("Continue to the dashboard");
    assertThat(b.driver.manage().getCookieNamed(DashboardPaths.COOKIE)).isNotNull();
    assertThat(b.driver.manage().getCookieNamed(DashboardPaths.COOKIE).isHttpOnly()).isTrue();
  }

  private String fixtureName(String name) throws Exception {
    return b("SELECT name FROM status_initiative WHERE id = " + fixture.initiatives().get(1), name);
  }

  private String b(String sql, String fallback) throws Exception {
    try (var c = dataSource.getConnection();
        var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : fallback;
    }
  }
}
