package dev.cosbot.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A captured, correctly signed view submission replayed within Slack's 5-minute window has no
 * second effect: interactions are de-duplicated like events.
 */
@QuarkusTest
class InteractionReplayTest extends SlackTestBase {
  @Test
  void aReplayedSignedViewSubmissionHasNoSecondEffect() throws Exception {
    String question = "Replay me? " + UUID.randomUUID().toString().substring(0, 6);
    String body =
        SlackRequests.form(
            "payload",
            SlackRequests.viewSubmission(
                "U0ASKER",
                DecisionIds.ASK_CALLBACK,
                "",
                DecisionFlowTest.values(question, "2030-01-15", "Yes\nNo")));
    long ts = Instant.now().getEpochSecond();
    for (int i = 0; i < 3; i++) {
      SlackRequests.signedAt(
              body, "application/x-www-form-urlencoded", ts, SlackApiTestResource.SIGNING_SECRET)
          .then()
          .statusCode(200);
    }
    assertThat(
            scalar(
                "SELECT count(*) FROM digest_decision WHERE question = '"
                    + question.replace("'", "''")
                    + "'"))
        .as("one decision, however often the signed request is replayed")
        .isEqualTo(1);

    // The same person submitting again (a new request, new timestamp or body) is not a replay.
    String again =
        SlackRequests.form(
            "payload",
            SlackRequests.viewSubmission(
                "U0ASKER",
                DecisionIds.ASK_CALLBACK,
                "",
                DecisionFlowTest.values(question + " (2)", "2030-01-15", "Yes\nNo")));
    SlackRequests.signed(again, "application/x-www-form-urlencoded").then().statusCode(200);
    assertThat(
            scalar(
                "SELECT count(*) FROM digest_decision WHERE question = '"
                    + (question + " (2)").replace("'", "''")
                    + "'"))
        .isEqualTo(1);
  }
}
