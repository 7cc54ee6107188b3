package dev.cosbot.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.google.gson.JsonObject;
import dev.cosbot.escalation.EscalationIds;
import dev.cosbot.escalation.EscalationRequests;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Old messages keep their buttons: a click, shortcut or form that matches nothing any more is
 * acknowledged with 200 (Slack shows an error for anything else) and the person is told, briefly
 * and only to them, that it is no longer available.
 */
@QuarkusTest
class NoLongerAvailableTest extends SlackTestBase {
  static String id() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  @jakarta.inject.Inject dev.cosbot.platform.support.SignedMetadata signer;

  @Test
  void aButtonForADeletedEscalationIsAnsweredPolitely() throws Exception {
    String title = "Printer on fire " + id();
    SlackRequests.signed(
            EscalationRequests.raiseSubmissionBody("U0REPORTER", title, "S3", "Facilities"),
            "application/x-www-form-urlencoded")
        .then()
        .statusCode(200);
    long id = scalar("SELECT id FROM escalation WHERE title = '" + title + "'");
    execute("DELETE FROM escalation_audit WHERE escalation_id = " + id);
    execute("DELETE FROM escalation_step WHERE escalation_id = " + id);
    execute("DELETE FROM escalation WHERE id = " + id);

    for (String action : new String[] {EscalationIds.ACK, EscalationIds.RESOLVE}) {
      SlackRequests.interaction(
              SlackRequests.blockAction("U0ADMIN", action, signer.signId(id), "esc"))
          .then()
          .statusCode(200);
    }
    var answers = awaitCalls("chat.postEphemeral", "escalation #" + id + " does not exist", 2);
    assertThat(answers)
        .allSatisfy(
            a -> {
              assertThat(a.get("user").getAsString()).isEqualTo("U0ADMIN");
              assertThat(a.get("channel").getAsString()).isEqualTo("D0DM");
              assertThat(a.get("text").getAsString()).startsWith("That's no longer available");
            });
    assertThat(matching("views.open", title)).isEmpty();
  }

  @Test
  void anUnknownButtonIsAcknowledgedAndAnsweredOnceEvenWhenSlackRetries() {
    String action = "retired_button_" + id();
    String click = SlackRequests.blockAction("U0MEMBER", action, "42", "old_block");
    SlackRequests.interaction(click).then().statusCode(200);
    SlackRequests.interaction(click).then().statusCode(200);
    JsonObject answer = awaitCalls("chat.postEphemeral", NoLongerAvailable.TEXT, 1).get(0);
    assertThat(answer.get("user").getAsString()).isEqualTo("U0MEMBER");
    assertThat(answer.get("channel").getAsString()).isEqualTo("D0DM");
    assertThat(
            matching("chat.postEphemeral", NoLongerAvailable.TEXT).stream()
                .filter(a -> a.get("user").getAsString().equals("U0MEMBER")))
        .hasSize(1);
  }

  @Test
  void anUnknownShortcutFormAndCommandAreAnsweredToo() {
    String user = "U0SC" + id().toUpperCase();
    SlackRequests.interaction(
            SlackRequests.messageShortcut(user, "retired_shortcut", "C0GENERAL", "1.2", "hi"))
        .then()
        .statusCode(200);
    JsonObject answer = awaitCalls("chat.postEphemeral", user, 1).get(0);
    assertThat(answer.get("channel").getAsString()).isEqualTo("C0GENERAL");
    assertThat(answer.get("text").getAsString()).isEqualTo(NoLongerAvailable.TEXT);

    SlackRequests.interaction(SlackRequests.viewSubmission(user, "retired_form", "x", "{}"))
        .then()
        .statusCode(200)
        .body("response_action", equalTo("update"))
        .body("view.blocks[0].text.text", containsString("no longer available"));

    SlackRequests.command(user, "/retired", "anything")
        .then()
        .statusCode(200)
        .body("response_type", equalTo("ephemeral"))
        .body("text", containsString("no longer available"));
  }
}
