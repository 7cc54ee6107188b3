package dev.cosbot.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.support.UserFacingException;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Work after an ack keeps the guarantees of work before it: one transaction with its answer, a
 * refusal told and rolled back, a failure rolled back and told with a reference — never silent.
 */
@QuarkusTest
class AfterAckTest extends SlackTestBase {
  @Inject AfterAck afterAck;
  @Inject Outbox outbox;

  private static Clicker clicker(String user) {
    return new Clicker(user, "D0DM", "test_action", "1", UUID.randomUUID().toString(), "t");
  }

  @Test
  void theAnswerAndTheWorkCommitTogether() {
    Clicker c = clicker("U0AFTER1");
    afterAck.ackThen(
        () -> null,
        c,
        () -> {
          outbox.enqueue(
              SlackCalls.postMessage("after-ack:" + c.actionTs(), "C0WORK", "done", null));
          return Answer.say("Thanks, done.");
        });
    awaitCalls("chat.postEphemeral", "Thanks, done.", 1);
    assertThat(awaitCalls("chat.postMessage", "C0WORK", 1)).hasSize(1);
  }

  @Test
  void aRefusalRollsTheWorkBackAndIsToldToTheClicker() throws Exception {
    Clicker c = clicker("U0AFTER2");
    afterAck.ackThen(
        () -> null,
        c,
        () -> {
          outbox.enqueue(SlackCalls.postMessage("after-ack:" + c.actionTs(), "C0WORK", "x", null));
          throw new UserFacingException("Sorry, you can't do that.");
        });
    JsonObject told = awaitCalls("chat.postEphemeral", "you can't do that", 1).get(0);
    assertThat(told.get("user").getAsString()).isEqualTo("U0AFTER2");
    assertThat(
            scalar(
                "SELECT count(*) FROM outbox_message WHERE idempotency_key = 'after-ack:"
                    + c.actionTs()
                    + "'"))
        .isZero();
  }

  @Test
  void aFailureRollsBackIsLoggedWithAReferenceAndTheClickerIsTold() throws Exception {
    Clicker c = clicker("U0AFTER3");
    afterAck.ackThen(
        () -> null,
        c,
        () -> {
          outbox.enqueue(SlackCalls.postMessage("after-ack:" + c.actionTs(), "C0WORK", "x", null));
          throw new IllegalStateException("boom");
        });
    String text = awaitCalls("chat.postEphemeral", "U0AFTER3", 1).get(0).get("text").getAsString();
    assertThat(text)
        .contains("something went wrong")
        .contains("ref `")
        .contains("Nothing was changed");
    assertThat(
            scalar(
                "SELECT count(*) FROM outbox_message WHERE idempotency_key = 'after-ack:"
                    + c.actionTs()
                    + "'"))
        .isZero();
  }
}
