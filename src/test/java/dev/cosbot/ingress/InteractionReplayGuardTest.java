package dev.cosbot.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A captured, signed interaction replayed has no second effect, whether the replica that gets the
 * replay remembers it (memory) or not (the receipt in the database, claimed with the work after the
 * ack), and whether the handler works before or after its ack; help leaves no receipt at all.
 */
@QuarkusTest
class InteractionReplayGuardTest extends SlackTestBase {
  private static final String FORM = "application/x-www-form-urlencoded";

  @Inject EventDeduplication deduplication;

  private static String click(String actionId) {
    return "payload="
        + URLEncoder.encode(
            SlackRequests.blockAction("U0REPLAY", actionId, "1", "b"), StandardCharsets.UTF_8);
  }

  private static int send(String body, long timestamp) {
    return SlackRequests.signedAt(body, FORM, timestamp, SlackApiTestResource.SIGNING_SECRET)
        .statusCode();
  }

  @Test
  void aReplayedAckFirstClickDoesNothingAgainEvenOnAReplicaThatNeverSawIt() {
    long ts = Instant.now().getEpochSecond();
    int before = ReplayTestListeners.afterAckEffects.get();
    // The first click of this button teaches the guard that it acks first; the second one is
    // guarded by the receipt claimed with its work.
    for (int click = 1; click <= 2; click++) {
      String body = click(ReplayTestListeners.AFTER_ACK);
      assertThat(send(body, ts)).isEqualTo(200);
      int expected = before + click;
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> ReplayTestListeners.afterAckEffects.get() == expected);
      assertThat(send(body, ts)).as("replayed to the same replica").isEqualTo(200);
      deduplication.forgetRecent();
      assertThat(send(body, ts)).as("replayed to a replica that never saw it").isEqualTo(200);
    }
    await()
        .during(Duration.ofMillis(800))
        .atMost(Duration.ofSeconds(3))
        .until(() -> ReplayTestListeners.afterAckEffects.get() == before + 2);
    assertThat(awaitCalls("chat.postEphemeral", "Counted.", 2)).hasSize(2);
  }

  @Test
  void aReplayedClickThatWorksBeforeItsAckDoesNothingAgain() {
    long ts = Instant.now().getEpochSecond();
    int before = ReplayTestListeners.beforeAckEffects.get();
    for (int click = 1; click <= 2; click++) {
      String body = click(ReplayTestListeners.BEFORE_ACK);
      assertThat(send(body, ts)).isEqualTo(200);
      assertThat(send(body, ts)).isEqualTo(200);
      deduplication.forgetRecent();
      assertThat(send(body, ts)).isEqualTo(200);
      assertThat(ReplayTestListeners.beforeAckEffects.get()).isEqualTo(before + click);
    }
  }

  @Test
  void helpChangesNothingSoItLeavesNoReceipt() throws Exception {
    SlackRequests.cos("U0REPLAY", "help").then().statusCode(200); // learns: help has no effect
    long receipts = scalar("SELECT count(*) FROM slack_event_receipt");
    for (int i = 0; i < 3; i++) {
      SlackRequests.cos("U0REPLAY", "help").then().statusCode(200);
    }
    assertThat(scalar("SELECT count(*) FROM slack_event_receipt")).isEqualTo(receipts);
  }
}
