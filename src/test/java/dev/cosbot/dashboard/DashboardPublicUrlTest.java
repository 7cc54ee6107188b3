package dev.cosbot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Links and the Sign in with Slack redirect come from COSBOT_PUBLIC_URL, never from the Host header
 * of the request: a request with a forged Host still gets the configured address.
 */
@QuarkusTest
@TestProfile(DashboardPublicUrlTest.WithPublicUrl.class)
class DashboardPublicUrlTest extends SlackTestBase {
  static final String PUBLIC = "https://cosbot.example.test";

  /** The deployment's public address is configured. */
  public static class WithPublicUrl implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("cosbot.dashboard.public-url", PUBLIC);
    }
  }

  @Test
  void aForgedHostGetsALinkToTheConfiguredAddress() {
    String body = SlackRequests.commandBody("U0MEMBER", "/cos", "dashboard");
    long ts = Instant.now().getEpochSecond();
    String text =
        RestAssured.given()
            .header("Host", "evil.example")
            .header("X-Forwarded-Host", "evil.example")
            .header("X-Slack-Request-Timestamp", String.valueOf(ts))
            .header(
                "X-Slack-Signature",
                SlackRequests.signature(SlackApiTestResource.SIGNING_SECRET, ts, body))
            .contentType("application/x-www-form-urlencoded")
            .body(body)
            .post("/slack/events")
            .then()
            .statusCode(200)
            .extract()
            .path("text");
    assertThat(text).contains("<" + PUBLIC + "/app/sign-in/").doesNotContain("evil.example");
  }

  @Test
  void signInWithSlackStartsOnlyOnTheConfiguredAddress() {
    Response r =
        RestAssured.given()
            .redirects()
            .follow(false)
            .header("Host", "evil.example:8443")
            .get("/app/auth/slack?x=1");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.header("Location")).isEqualTo(PUBLIC + "/app/auth/slack?x=1");
  }
}
