package dev.cosbot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.testsupport.SlackRequests;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signing in to the dashboard the way a person does: {@code /cos dashboard}, then the link. */
final class DashboardTestSupport {
  private DashboardTestSupport() {}

  private static final Pattern LINK = Pattern.compile("<(https?://[^|>]+/app/sign-in/([^|>]+))\\|");

  /** The token of the personal link that {@code /cos dashboard} shows {@code userId}. */
  static String linkToken(String userId) {
    String text =
        SlackRequests.cos(userId, "dashboard").then().statusCode(200).extract().path("text");
    Matcher m = LINK.matcher(text);
    assertThat(m.find()).as("a sign-in link in: %s", text).isTrue();
    return m.group(2);
  }

  /** Spends a link as the browser's "Continue" button does. */
  static Response redeem(String token) {
    return RestAssured.given()
        .redirects()
        .follow(false)
        .contentType("application/x-www-form-urlencoded")
        .formParam("token", token)
        .post("/app/sign-in");
  }

  /** A signed-in session cookie for {@code userId}. */
  static String signIn(String userId) {
    Response r = redeem(linkToken(userId));
    assertThat(r.statusCode()).isEqualTo(303);
    String cookie = r.getCookie(DashboardPaths.COOKIE);
    assertThat(cookie).isNotBlank();
    return cookie;
  }

  /**
   * Posts the settings form {@code fields} with the session's CSRF token ({@code csrf} null: none).
   */
  static Response postSettings(String cookie, String csrf, java.util.Map<String, ?> fields) {
    var request =
        RestAssured.given()
            .redirects()
            .follow(false)
            .cookie(DashboardPaths.COOKIE, cookie)
            .contentType("application/x-www-form-urlencoded");
    if (csrf != null) {
      request.formParam("csrf", csrf);
    }
    fields.forEach(
        (k, v) -> {
          if (v instanceof java.util.List<?> many) {
            request.formParam(k, many.toArray());
          } else {
            request.formParam(k, v);
          }
        });
    return request.post("/app/settings");
  }

  /** Submits the escalation form in Slack as {@code reporter}. */
  static void raiseEscalation(
      String reporter, String title, String severity, String area, boolean confidential) {
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                reporter,
                dev.cosbot.escalation.EscalationIds.RAISE_VIEW,
                "",
                dev.cosbot.escalation.EscalationRequests.raiseValues(
                    title, "", severity, area, "", confidential)))
        .then()
        .statusCode(200);
  }

  static Response get(String cookie, String path) {
    return RestAssured.given()
        .redirects()
        .follow(false)
        .cookie(DashboardPaths.COOKIE, cookie)
        .get(path);
  }
}
