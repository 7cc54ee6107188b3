package dev.cosbot.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One person cannot flood the Chiefs of Staff or the CXO: past the hourly limit the escalation and
 * decision forms answer politely and nothing is raised.
 */
@QuarkusTest
@TestProfile(EscalationLimitTest.LowLimit.class)
class EscalationLimitTest extends SlackTestBase {
  /** A limit of 2 an hour, so the test stays short. */
  public static class LowLimit implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "cosbot.escalation.max-per-person-per-hour", "2",
          "cosbot.decision.max-per-person-per-hour", "2");
    }
  }

  @Test
  void pastTheHourlyLimitAPersonGetsAPoliteAnswerAndNothingIsRaised() throws Exception {
    String reporter = "U0FLOOD" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    for (int i = 0; i < 2; i++) {
      SlackRequests.signed(
              EscalationRequests.raiseSubmissionBody(reporter, "Flood " + i, "S3", "Ops"),
              "application/x-www-form-urlencoded")
          .then()
          .statusCode(200);
    }
    SlackRequests.signed(
            EscalationRequests.raiseSubmissionBody(reporter, "Flood 3", "S1", "Ops"),
            "application/x-www-form-urlencoded")
        .then()
        .statusCode(200)
        .body("response_action", equalTo("errors"))
        .body("errors." + EscalationIds.B_TITLE, containsString("try again later"));
    assertThat(scalar("SELECT count(*) FROM escalation WHERE reporter = '" + reporter + "'"))
        .isEqualTo(2);
    // Someone else is not affected.
    SlackRequests.signed(
            EscalationRequests.raiseSubmissionBody(reporter + "X", "Other", "S3", "Ops"),
            "application/x-www-form-urlencoded")
        .then()
        .statusCode(200);
    assertThat(scalar("SELECT count(*) FROM escalation WHERE reporter = '" + reporter + "X'"))
        .isEqualTo(1);
  }

  @Test
  void pastTheHourlyLimitNoMoreDecisionsAreAsked() throws Exception {
    String asker = "U0ASKFLOOD" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    for (int i = 0; i < 3; i++) {
      var response =
          SlackRequests.interaction(
              SlackRequests.viewSubmission(
                  asker,
                  dev.cosbot.decision.DecisionIds.ASK_CALLBACK,
                  "",
                  dev.cosbot.decision.DecisionTestValues.values(
                      "Flood decision number " + (i + 1), "2030-01-15", "Yes\nNo")));
      response.then().statusCode(200);
      if (i == 2) {
        response
            .then()
            .body("response_action", equalTo("errors"))
            .body(
                "errors." + dev.cosbot.decision.DecisionIds.QUESTION,
                containsString("try again later"));
      }
    }
    assertThat(scalar("SELECT count(*) FROM digest_decision WHERE asker_id = '" + asker + "'"))
        .isEqualTo(2);
  }
}
