package dev.cosbot.dashboard;

import static dev.cosbot.dashboard.DashboardTestSupport.get;
import static dev.cosbot.dashboard.DashboardTestSupport.linkToken;
import static dev.cosbot.dashboard.DashboardTestSupport.redeem;
import static dev.cosbot.dashboard.DashboardTestSupport.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's trust promises over HTTP, starting from Slack: one-time links, sessions, roles on
 * every route, CSRF on every form, confidential escalations and pulse rounds below k.
 */
@QuarkusTest
class DashboardSignInTest extends SlackTestBase {
  @Inject TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void aLinkWorksOnceAndIsStoredOnlyAsAHash() throws Exception {
    String token = linkToken("U0MEMBER");
    assertThat(scalar("SELECT count(*) FROM dashboard_link WHERE token_hash = '" + token + "'"))
        .isZero();
    assertThat(
            scalar(
                "SELECT count(*) FROM dashboard_link WHERE token_hash = '"
                    + sha256(token)
                    + "' AND user_id = 'U0MEMBER'"))
        .isEqualTo(1);

    RestAssured.get("/app/sign-in/" + token)
        .then()
        .statusCode(200)
        .body(containsString("Continue to the dashboard"));
    Response first = redeem(token);
    assertThat(first.statusCode()).isEqualTo(303);
    assertThat(first.getHeader("Location")).endsWith("/app");
    String setCookie = first.getHeader("Set-Cookie");
    assertThat(setCookie)
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Lax")
        .contains("Path=/app");
    assertThat(setCookie).doesNotContain("Secure");

    Response again = redeem(token);
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.getHeader("Set-Cookie")).isNull();
    assertThat(again.asString()).contains("This link no longer works");
    RestAssured.get("/app/sign-in/" + token)
        .then()
        .statusCode(410)
        .body(containsString("/cos dashboard"));
  }

  @Test
  void anExpiredLinkSignsNobodyIn() {
    String token = linkToken("U0MEMBER");
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    RestAssured.get("/app/sign-in/" + token).then().statusCode(410);
    Response r = redeem(token);
    assertThat(r.statusCode()).isEqualTo(410);
    assertThat(r.getHeader("Set-Cookie")).isNull();
  }

  @Test
  void aForgedOrMissingSessionGoesToTheSignInPage() {
    assertThat(get("not-a-session", "/app").statusCode()).isEqualTo(303);
    Response none = RestAssured.given().redirects().follow(false).get("/app/portfolio");
    assertThat(none.statusCode()).isEqualTo(303);
    assertThat(none.getHeader("Location")).endsWith("/app/sign-in");
    RestAssured.get("/app/sign-in")
        .then()
        .statusCode(200)
        .body(containsString("/cos dashboard"))
        // No client id configured: no "Sign in with Slack" button.
        .body(not(containsString("Sign in with Slack")));
  }

  @Test
  void eachRoleSeesExactlyItsPagesAndEveryRouteIsChecked() {
    String member = signIn("U0MEMBER");
    assertThat(nav(get(member, "/app").then().statusCode(200).extract().asString()))
        .containsExactly("Me", "Escalations", "Decisions", "Rhythm");
    for (String path :
        List.of(
            "/app/portfolio",
            "/app/pulse",
            "/app/review",
            "/app/settings",
            "/app/portfolio.csv?table=initiatives",
            "/app/pulse.csv?table=x")) {
      get(member, path).then().statusCode(403).body(containsString("Not for your role"));
    }
    get(member, "/app/escalations").then().statusCode(200);

    String cos = signIn("U0ADMIN");
    assertThat(nav(get(cos, "/app/portfolio").then().statusCode(200).extract().asString()))
        .containsExactly(
            "Me",
            "Portfolio",
            "Escalations",
            "Pulse",
            "Decisions",
            "Rhythm",
            "Weekly review",
            "Settings");
    get(cos, "/app/settings").then().statusCode(200);

    String cxo = signIn("U0CXO");
    assertThat(nav(get(cxo, "/app/review").then().statusCode(200).extract().asString()))
        .containsExactly(
            "Me", "Portfolio", "Escalations", "Pulse", "Decisions", "Rhythm", "Weekly review");
    get(cxo, "/app/settings").then().statusCode(403);
  }

  @Test
  void aSettingsChangeWithoutTheCsrfTokenChangesNothing() throws Exception {
    String cos = signIn("U0ADMIN");
    String page = get(cos, "/app/settings").then().statusCode(200).extract().asString();
    String csrf = csrfOf(page);
    long before = scalar("SELECT count(*) FROM dashboard_audit");

    for (String token : new String[] {null, "", "forged"}) {
      DashboardTestSupport.postSettings(cos, token, Map.of("change", "cxo.set", "user", "U0MEMBER"))
          .then()
          .statusCode(403)
          .body(containsString("Nothing was changed"));
    }
    assertThat(
            scalar(
                "SELECT count(*) FROM workspace_setting WHERE setting_key = 'cxo' AND setting_value = 'U0MEMBER'"))
        .isZero();
    assertThat(scalar("SELECT count(*) FROM dashboard_audit")).isEqualTo(before);

    // The same form with the session's token goes through, and is audited.
    SlackApiTestResource.knowsUser(slack, "U0DEPUTY", "deputy", "Dee Puty", "UTC");
    DashboardTestSupport.postSettings(cos, csrf, Map.of("change", "admin.add", "user", "U0DEPUTY"))
        .then()
        .statusCode(303);
    assertThat(scalar("SELECT count(*) FROM person WHERE slack_user_id = 'U0DEPUTY' AND is_admin"))
        .isEqualTo(1);
    assertThat(
            scalar(
                "SELECT count(*) FROM dashboard_audit WHERE user_id = 'U0ADMIN' AND change = 'admin.add'"))
        .isEqualTo(1);
    execute("UPDATE person SET is_admin = FALSE WHERE slack_user_id = 'U0DEPUTY'");
  }

  @Test
  void signingOutEndsTheSession() {
    String member = signIn("U0MEMBER");
    String csrf = csrfOf(get(member, "/app").asString());
    RestAssured.given()
        .redirects()
        .follow(false)
        .cookie(DashboardPaths.COOKIE, member)
        .contentType("application/x-www-form-urlencoded")
        .formParam("csrf", csrf)
        .post("/app/sign-out")
        .then()
        .statusCode(303);
    assertThat(get(member, "/app").statusCode()).isEqualTo(303);
  }

  @Test
  void aSessionExpires() {
    String member = signIn("U0MEMBER");
    clock.advance(Duration.ofHours(8).plusMinutes(1));
    assertThat(get(member, "/app").statusCode()).isEqualTo(303);
  }

  @Test
  void aConfidentialEscalationIsInvisibleToAMember() throws Exception {
    String secret = "Payroll leak " + System.nanoTime();
    String open = "Printer on fire " + System.nanoTime();
    raise("U0REPORTER", secret, "S1", true);
    raise("U0REPORTER", open, "S3", false);

    String member = signIn("U0MEMBER");
    String page = get(member, "/app/escalations").then().statusCode(200).extract().asString();
    assertThat(page).contains(open).doesNotContain(secret).doesNotContain("confidential)");
    String csv =
        get(member, "/app/escalations.csv?table=open").then().statusCode(200).extract().asString();
    assertThat(csv).contains(open).doesNotContain(secret);

    String cos = signIn("U0ADMIN");
    assertThat(get(cos, "/app/escalations").asString()).contains(secret).contains(open);
  }

  @Test
  void aPulseRoundBelowKShowsNothing() throws Exception {
    String questions =
        "[{\"type\":\"enps\",\"text\":\"How likely are you to recommend us?\",\"options\":[],\"optional\":false}]";
    long survey =
        scalarInsert(
            "INSERT INTO pulse_survey (title, questions, audience_kind, audience, audience_label, anonymous, min_answers,"
                + " open_hours, created_by, created_at) VALUES ('Few answers survey', '"
                + questions
                + "', 'PEOPLE', 'U1 U2 U3 U4 U5 U6 U7 U8', 'Platform', TRUE, 5, 72, 'U0ADMIN', now() - interval '5 days') RETURNING id");
    long round =
        scalarInsert(
            "INSERT INTO pulse_round (survey_id, seq, opened_at, closes_at, closed, recipients) VALUES ("
                + survey
                + ", 1, now() - interval '4 days', now() - interval '1 day', TRUE, 8) RETURNING id");
    for (int score : new int[] {0, 10, 3, 7}) {
      execute(
          "INSERT INTO pulse_answer (id, round_id, answers) VALUES (gen_random_uuid(), "
              + round
              + ", '{\"0\":"
              + score
              + "}')");
    }
    String cos = signIn("U0ADMIN");
    String page = get(cos, "/app/pulse").then().statusCode(200).extract().asString();
    assertThat(page)
        .contains("Few answers survey")
        .contains("Hidden: too few answers to keep them anonymous")
        .doesNotContain("eNPS ")
        .doesNotContain("How likely are you to recommend us?");
    String csv = get(cos, "/app/pulse.csv?table=survey-" + survey).asString();
    assertThat(csv).contains("— of 8").doesNotContain("eNPS");
    execute("DELETE FROM pulse_answer WHERE round_id = " + round);
    execute("DELETE FROM pulse_round WHERE id = " + round);
    execute("DELETE FROM pulse_survey WHERE id = " + survey);
  }

  private long scalarInsert(String sql) throws Exception {
    return scalar(sql);
  }

  private void raise(String reporter, String title, String severity, boolean confidential) {
    DashboardTestSupport.raiseEscalation(reporter, title, severity, "Other", confidential);
  }

  static List<String> nav(String html) {
    Matcher nav = Pattern.compile("<nav[^>]*>(.*?)</nav>", Pattern.DOTALL).matcher(html);
    assertThat(nav.find()).isTrue();
    Matcher a = Pattern.compile("<a [^>]*>([^<]+)</a>").matcher(nav.group(1));
    List<String> labels = new java.util.ArrayList<>();
    while (a.find()) {
      labels.add(a.group(1));
    }
    return labels;
  }

  static String csrfOf(String html) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  static String sha256(String s) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
