package dev.cosbot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Admin commands check the caller's role; changes persist and the new admin is told. */
@QuarkusTest
class AdminCommandTest extends SlackTestBase {

  @Test
  void aPersonSlackDoesNotKnowIsNotMadeAChiefOfStaff() throws Exception {
    // WireMock answers users.info with user_not_found for anyone it was not told about.
    SlackRequests.cos("U0ADMIN", "admin add U0NOBODY99")
        .then()
        .statusCode(200)
        .body("text", containsString("I can't find <@U0NOBODY99> in this Slack workspace"));
    assertThat(scalar("SELECT count(*) FROM person WHERE slack_user_id = 'U0NOBODY99'")).isZero();
    assertThat(
            slack.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/api/users.info"))
                .filter(e -> e.getRequest().getBodyAsString().contains("U0NOBODY99")))
        .isNotEmpty();
  }

  @Test
  void aMemberIsPolitelyRefused() throws Exception {
    SlackRequests.cos("U0MEMBER2", "admin add <@U0NEWADMIN|new>")
        .then()
        .statusCode(200)
        .body("text", containsString("only a Chief of Staff can do that"));
    assertThat(
            scalar("SELECT count(*) FROM person WHERE slack_user_id = 'U0NEWADMIN' AND is_admin"))
        .isZero();
  }

  @Test
  void anAdminAddsAnotherWhoGetsADirectMessage() throws Exception {
    SlackApiTestResource.knowsUser(slack, "U0DEPUTY", "u0deputy", "u0deputy", "UTC");
    SlackRequests.cos("U0ADMIN", "admin add <@U0DEPUTY|deputy>")
        .then()
        .statusCode(200)
        .body("text", containsString("is now a Chief of Staff"));
    assertThat(scalar("SELECT count(*) FROM person WHERE slack_user_id = 'U0DEPUTY' AND is_admin"))
        .isEqualTo(1);
    assertThat(
            awaitCalls("chat.postMessage", "made you a Chief of Staff", 1)
                .get(0)
                .get("channel")
                .getAsString())
        .isEqualTo("U0DEPUTY");

    SlackRequests.cos("U0DEPUTY", "admin list")
        .then()
        .statusCode(200)
        .body("text", containsString("<@U0DEPUTY>"));
    SlackRequests.cos("U0ADMIN", "admin remove <@U0DEPUTY>")
        .then()
        .statusCode(200)
        .body("text", containsString("no longer"));
    assertThat(scalar("SELECT count(*) FROM person WHERE slack_user_id = 'U0DEPUTY' AND is_admin"))
        .isZero();
  }

  @Test
  void aRoleChangeTakesEffectAtOnceDespiteTheCachedRoleLookup() {
    // U0FLIP's roles are looked up (and cached) as a member first.
    SlackRequests.cos("U0FLIP", "admin list")
        .then()
        .statusCode(200)
        .body("text", containsString("only a Chief of Staff can do that"));
    SlackApiTestResource.knowsUser(slack, "U0FLIP", "u0flip", "u0flip", "UTC");
    SlackRequests.cos("U0ADMIN", "admin add <@U0FLIP|flip>")
        .then()
        .statusCode(200)
        .body("text", containsString("is now a Chief of Staff"));
    SlackRequests.cos("U0FLIP", "admin list")
        .then()
        .statusCode(200)
        .body("text", containsString("<@U0FLIP>"));
    SlackRequests.cos("U0ADMIN", "admin remove <@U0FLIP>")
        .then()
        .statusCode(200)
        .body("text", containsString("no longer"));
    SlackRequests.cos("U0FLIP", "admin list")
        .then()
        .statusCode(200)
        .body("text", containsString("only a Chief of Staff can do that"));
  }

  @Test
  void configuredAdminsCannotBeRemovedFromSlack() {
    SlackRequests.cos("U0ADMIN", "admin remove <@U0ADMIN>")
        .then()
        .statusCode(200)
        .body("text", containsString("COSBOT_ADMINS"));
  }

  @Test
  void aNewlyNamedCxoIsWelcomedOnceWithWhatComesAndWhenInTheirZone() throws Exception {
    SlackApiTestResource.knowsUser(slack, "U0NEWCXO", "newcxo", "New CXO", "Asia/Tokyo");
    try {
      SlackRequests.cos("U0ADMIN", "admin cxo <@U0NEWCXO>")
          .then()
          .statusCode(200)
          .body("text", containsString("I've sent them a welcome"));
      String welcome =
          awaitCalls("chat.postMessage", "\"channel\":\"U0NEWCXO\"", 1).get(0).toString();
      assertThat(welcome)
          .contains("you're now the CXO")
          .contains("Every working morning at <!date^")
          .contains("Asia/Tokyo")
          .contains("Decisions");
      SlackRequests.cos("U0ADMIN", "admin cxo <@U0NEWCXO>").then().statusCode(200);
      org.awaitility.Awaitility.await()
          .during(java.time.Duration.ofSeconds(1))
          .atMost(java.time.Duration.ofSeconds(3))
          .until(() -> matching("chat.postMessage", "\"channel\":\"U0NEWCXO\"").size() == 1);
    } finally {
      execute("UPDATE workspace_setting SET setting_value = 'U0CXO' WHERE setting_key = 'cxo'");
    }
  }

  @Test
  void theCxoCanBeNamed() throws Exception {
    SlackApiTestResource.knowsUser(slack, "U0CXO", "cxo", "The CXO", "UTC");
    SlackRequests.cos("U0ADMIN", "admin cxo <@U0CXO>")
        .then()
        .statusCode(200)
        .body("text", containsString("is the CXO"));
    assertThat(
            scalar(
                "SELECT count(*) FROM workspace_setting WHERE setting_key = 'cxo' AND setting_value = 'U0CXO'"))
        .isEqualTo(1);
  }

  @Test
  void missingMentionGetsUsage() {
    SlackRequests.cos("U0ADMIN", "admin add nobody")
        .then()
        .statusCode(200)
        .body("text", containsString("“nobody” doesn't fit here"))
        .body("text", containsString("`/cos admin add|remove @user`"));
  }
}
