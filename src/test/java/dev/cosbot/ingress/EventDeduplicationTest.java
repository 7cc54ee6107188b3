package dev.cosbot.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Slack's retries of one event (same event_id) have their effect once. */
@QuarkusTest
class EventDeduplicationTest extends SlackTestBase {

  @Test
  void anEventDeliveredThreeTimesIsProcessedOnce() throws Exception {
    String eventId =
        "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    String user = "U0HOME" + eventId.substring(2, 6);
    String event =
        "{\"type\":\"app_home_opened\",\"user\":\""
            + user
            + "\",\"channel\":\"D0HOME\",\"tab\":\"home\",\"event_ts\":\"1700000000.000100\"}";

    SlackRequests.event(eventId, event, null).then().statusCode(200);
    SlackRequests.event(eventId, event, 1).then().statusCode(200);
    SlackRequests.event(eventId, event, 2).then().statusCode(200);

    awaitCalls("views.publish", user, 1);
    org.awaitility.Awaitility.await()
        .during(java.time.Duration.ofMillis(1500))
        .atMost(java.time.Duration.ofSeconds(3))
        .until(() -> matching("views.publish", user).size() == 1);
    assertThat(
            scalar(
                "SELECT count(*) FROM outbox_message WHERE method = 'views.publish' AND payload LIKE '%"
                    + user
                    + "%'"))
        .isEqualTo(1);
  }

  @Test
  void differentEventsAreEachProcessed() {
    String user = "U0HOMETWO";
    String event =
        "{\"type\":\"app_home_opened\",\"user\":\""
            + user
            + "\",\"channel\":\"D0HOME\",\"tab\":\"home\",\"event_ts\":\"1700000000.000100\"}";
    SlackRequests.event("Ev" + UUID.randomUUID().toString().substring(0, 8), event, null)
        .then()
        .statusCode(200);
    SlackRequests.event("Ev" + UUID.randomUUID().toString().substring(0, 8), event, null)
        .then()
        .statusCode(200);
    assertThat(awaitCalls("views.publish", user, 2)).hasSize(2);
  }
}
