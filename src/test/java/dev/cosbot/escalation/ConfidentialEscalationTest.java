package dev.cosbot.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Confidential means invisible: through every command, the Home tab (views.publish as WireMock
 * receives it) and the admin API, a member sees no trace of a confidential escalation — no line, no
 * count, no area — while its reporter, its owner and the Chiefs of Staff do. Areas are a defined
 * list picked from a menu, one spelling whatever the case.
 */
@QuarkusTest
class ConfidentialEscalationTest extends SlackTestBase {
  @Test
  void aMemberSeesNoTraceOfAConfidentialEscalationAnywhere() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String area = "Security" + suffix;
    String secretTitle = "Board investigation " + suffix;
    String openTitle = "Badge reader broken " + suffix;
    SlackApiTestResource.knowsUser(slack, "U0SECOWN", "secown", "Sec Owner", "UTC");
    SlackRequests.cos("U0ADMIN", "route add area \"" + area + "\" owner <@U0SECOWN|owner>")
        .then()
        .statusCode(200);

    // The raise form offers the defined areas from a menu: the rule's area and "Other".
    SlackRequests.cos("U0MEMBER", "escalate").then().statusCode(200);
    String modal = awaitForm("views.open", "esc_area");
    assertThat(modal).contains("static_select", "\"value\":\"" + area + "\"", "\"Other\"");

    long visible = raise("U0OTHER", openTitle, "S3", area, false);
    // Picked in another case, stored in the defined spelling: one area.
    long secret = raise("U0WHISTLE", secretTitle, "S1", area.toLowerCase(Locale.ROOT), true);
    assertThat(
            scalar(
                "SELECT count(*) FROM escalation WHERE id = "
                    + secret
                    + " AND area = '"
                    + area
                    + "'"))
        .isEqualTo(1);

    // --- Every command a member can run.
    for (String command :
        List.of(
            "escalations",
            "escalations open",
            "escalations mine",
            "escalations " + area,
            "escalations " + area.toUpperCase(Locale.ROOT),
            "escalations " + area.toLowerCase(Locale.ROOT))) {
      String answer =
          SlackRequests.cos("U0MEMBER", command).then().statusCode(200).extract().asString();
      assertNoTrace(answer, secret, secretTitle);
      if (command.startsWith("escalations S")) {
        assertThat(answer).as(command).doesNotContain("S1").contains("(1)");
      }
    }
    assertThat(SlackRequests.cos("U0MEMBER", "escalations " + area).then().extract().asString())
        .contains("#" + visible + "*", openTitle, "(1)");

    // --- The Home tab, as Slack receives it.
    openHome("U0MEMBER");
    JsonObject home = awaitCalls("views.publish", "U0MEMBER", 1).get(0);
    assertNoTrace(home.toString(), secret, secretTitle);

    // --- The admin API: lists, filters, counts by area, the item itself.
    String list =
        given()
            .header("Authorization", "Bearer test-api-token")
            .get("/api/v1/escalations")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertNoTrace(list, secret, secretTitle);
    String filtered =
        given()
            .header("Authorization", "Bearer test-api-token")
            .queryParam("area", area)
            .get("/api/v1/escalations")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(filtered).contains(openTitle);
    assertNoTrace(filtered, secret, secretTitle);
    String stats =
        given()
            .header("Authorization", "Bearer test-api-token")
            .get("/api/v1/escalations/stats")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(stats).contains("\"area\":\"" + area + "\",\"total\":1,");
    given()
        .header("Authorization", "Bearer test-api-token")
        .get("/api/v1/escalations/" + secret)
        .then()
        .statusCode(404);

    // --- Those entitled do see it: its reporter, its owner, a Chief of Staff.
    for (String entitled : List.of("U0WHISTLE", "U0SECOWN", "U0ADMIN")) {
      assertThat(SlackRequests.cos(entitled, "escalations " + area).then().extract().asString())
          .as(entitled)
          .contains(secretTitle, ":lock: confidential");
    }
    openHome("U0SECOWN");
    assertThat(awaitCalls("views.publish", "U0SECOWN", 1).get(0).toString()).contains(secretTitle);

    // Probing an area that is not defined answers the same whatever exists there.
    assertThat(
            SlackRequests.cos("U0MEMBER", "escalations Mergers" + suffix)
                .then()
                .extract()
                .asString())
        .contains("no area called", "Other");
  }

  private static void assertNoTrace(String text, long id, String title) {
    assertThat(text)
        .doesNotContain(title)
        .doesNotContain("#" + id + "*")
        .doesNotContain("#" + id + " ")
        .doesNotContain("\"id\":" + id + ",")
        .doesNotContain("\"confidential\":true")
        .doesNotContain(":lock:");
  }

  private long raise(
      String reporter, String title, String severity, String area, boolean confidential)
      throws Exception {
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                reporter,
                EscalationIds.RAISE_VIEW,
                "",
                EscalationRequests.raiseValues(title, "", severity, area, "", confidential)))
        .then()
        .statusCode(200);
    return scalar("SELECT max(id) FROM escalation WHERE title = '" + title + "'");
  }

  private String awaitForm(String method, String containing) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .until(() -> !forms(method, containing).isEmpty());
    return forms(method, containing).get(0);
  }

  private List<String> forms(String method, String containing) {
    return slack.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/" + method))
        .map(e -> URLDecoder.decode(e.getRequest().getBodyAsString(), StandardCharsets.UTF_8))
        .filter(b -> b.contains(containing))
        .toList();
  }
}
