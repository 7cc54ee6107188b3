package dev.cosbot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Sign in with Slack" in a real headless Chromium against a stand-in OpenID Connect provider
 * (WireMock with its own signing key): the browser goes to the provider and back, quarkus-oidc
 * verifies the ID token, and the person gets a dashboard session with the roles they have in Slack.
 * Someone Slack vouches for who is not in this workspace gets no session.
 */
@QuarkusTest
@TestProfile(DashboardSlackSignInTest.WithSlackSignIn.class)
class DashboardSlackSignInTest extends SlackTestBase {
  /** A client id and secret configured, the provider being the stand-in. */
  public static class WithSlackSignIn implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(SlackOidcStandIn.class));
    }
  }

  @TestHTTPResource("/")
  URL root;

  @Test
  void aChiefOfStaffSignsInWithSlack() throws Exception {
    SlackApiTestResource.knowsUser(slack, "U0ADMIN", "Casey Chief", "Casey Chief", "UTC");
    SlackOidcStandIn.signsIn("U0ADMIN");
    try (Browser b = new Browser(root.toString())) {
      b.open("/app/sign-in");
      b.screenshot("sign-in-with-slack");
      b.click("Sign in with Slack");
      assertThat(b.heading()).isEqualTo("Me");
      assertThat(b.menu()).contains("Portfolio", "Settings");
      assertThat(b.driver.manage().getCookieNamed(DashboardPaths.COOKIE).isHttpOnly()).isTrue();
    }
    assertThat(
            scalar(
                "SELECT count(*) FROM dashboard_session WHERE user_id = 'U0ADMIN' AND via = 'slack'"))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void someoneOutsideTheWorkspaceGetsNoSession() throws Exception {
    // WireMock answers users.info with user_not_found for anyone it was not told about.
    SlackOidcStandIn.signsIn("U0STRANGER");
    try (Browser b = new Browser(root.toString())) {
      b.open("/app/sign-in");
      b.click("Sign in with Slack");
      assertThat(b.heading()).isEqualTo("Not a member of this workspace");
      assertThat(b.driver.manage().getCookieNamed(DashboardPaths.COOKIE)).isNull();
    }
    assertThat(scalar("SELECT count(*) FROM dashboard_session WHERE user_id = 'U0STRANGER'"))
        .isZero();
  }
}
