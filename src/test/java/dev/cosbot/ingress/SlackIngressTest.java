package dev.cosbot.ingress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.cosbot.testsupport.BlockKitLimits;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Slack endpoint: signatures, replay window, url_verification, malformed payloads, help. */
@QuarkusTest
class SlackIngressTest extends SlackTestBase {

  @Test
  void signedHelpAnswersWithinThreeSecondsWithTheMembersCommands() {
    long start = System.nanoTime();
    Response response = SlackRequests.cos("U0MEMBER1", "help");
    long millis = (System.nanoTime() - start) / 1_000_000;
    response
        .then()
        .statusCode(200)
        .body("response_type", equalTo("ephemeral"))
        .body("text", containsString("/cos help"))
        .body("text", not(containsString("/cos admin")));
    assertThat(millis).isLessThan(3000);
    BlockKitLimits.assertAckValid(response.asString());
  }

  @Test
  void adminsSeeTheAdminCommandsInHelp() {
    SlackRequests.cos("U0ADMIN", "")
        .then()
        .statusCode(200)
        .body("text", containsString("`/cos admin add|remove`"))
        .body("text", containsString("*As Chief of Staff*"));
  }

  @Test
  void unknownSubcommandAnswersWithUsage() {
    SlackRequests.cos("U0MEMBER1", "frobnicate now")
        .then()
        .statusCode(200)
        .body("text", containsString("I don't know `/cos frobnicate`"))
        .body("text", containsString("/cos help"));
  }

  @Test
  void badSignatureIs401WithoutDetail() {
    String body = SlackRequests.commandBody("U0MEMBER1", "/cos", "help");
    long now = Instant.now().getEpochSecond();
    SlackRequests.signedAt(body, "application/x-www-form-urlencoded", now, "wrong-secret")
        .then()
        .statusCode(401)
        .body(not(containsString("Exception")));
  }

  @Test
  void timestampSixMinutesOldIs401() {
    String body = SlackRequests.commandBody("U0MEMBER1", "/cos", "help");
    long sixMinutesAgo = Instant.now().getEpochSecond() - 360;
    SlackRequests.signedAt(
            body,
            "application/x-www-form-urlencoded",
            sixMinutesAgo,
            SlackApiTestResource.SIGNING_SECRET)
        .then()
        .statusCode(401);
  }

  @Test
  void missingSignatureIs401() {
    given()
        .contentType("application/x-www-form-urlencoded")
        .body(SlackRequests.commandBody("U0MEMBER1", "/cos", "help"))
        .post("/slack/events")
        .then()
        .statusCode(401);
  }

  @Test
  void urlVerificationReturnsTheChallenge() {
    String body =
        "{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";
    SlackRequests.signed(body, "application/json")
        .then()
        .statusCode(200)
        .body(containsString("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
  }

  @Test
  void signedButMalformedJsonIs400WithoutStackTrace() {
    SlackRequests.signed("{\"type\":\"event_callback\",\"event\":", "application/json")
        .then()
        .statusCode(400)
        .body(containsString("malformed request"))
        .body(not(containsString("at dev.")));
  }

  @Test
  void signedButMalformedInteractionPayloadIs400() {
    SlackRequests.signed("payload=%7Bnot-json", "application/x-www-form-urlencoded")
        .then()
        .statusCode(400)
        .body(not(containsString("Exception")));
  }

  @Test
  void oversizedBodyIsRejectedBeforeParsing() {
    String huge = "text=" + "x".repeat(600_000);
    try {
      given()
          .contentType("application/x-www-form-urlencoded")
          .body(huge)
          .post("/slack/events")
          .then()
          .statusCode(413);
    } catch (Exception e) {
      // The server may answer 413 and close the connection while the client is still writing
      // the body: the client then sees a broken pipe instead of the status. Either way the body
      // was refused before anything parsed it; anything else is a real failure.
      if (!(e instanceof java.net.SocketException)) {
        throw e;
      }
    }
  }

  @Test
  void theDocumentedSigningTestVectorMatches() {
    String body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    assertThat(SlackRequests.signature("8f742231b10e8888abcd99yyyzzz85a5", 1531420618, body))
        .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
  }
}
