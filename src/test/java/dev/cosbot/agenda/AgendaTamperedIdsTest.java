package dev.cosbot.agenda;

import static org.hamcrest.Matchers.containsString;

import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The agenda's button value and form metadata are signed: a changed id finds no meeting and gets
 * the polite "can't find that meeting" answer instead of a form or a change.
 */
@QuarkusTest
class AgendaTamperedIdsTest extends SlackTestBase {
  @Inject SignedMetadata signer;

  @Test
  void aTamperedButtonOrFormFindsNoMeetingAndSaysSo() {
    String good = signer.signId(1);
    String tampered = "987654" + good.substring(good.indexOf('~'));
    SlackRequests.interaction(
            SlackRequests.blockAction("U0ADMIN", AgendaIds.ADD_BUTTON, tampered, "agenda"))
        .then()
        .statusCode(200);
    awaitCalls("chat.postEphemeral", "find that meeting", 1);

    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ADMIN",
                AgendaIds.COVERED_CALLBACK,
                tampered,
                "{\""
                    + AgendaIds.ITEMS
                    + "\":{\""
                    + AgendaIds.ITEMS
                    + "\":{\"type\":\"checkboxes\",\"selected_options\":[{\"value\":\"1\"}]}}}"))
        .then()
        .statusCode(200)
        .body(containsString("find that meeting"));
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ADMIN",
                AgendaIds.ADD_CALLBACK,
                tampered,
                "{\""
                    + AgendaIds.TITLE
                    + "\":{\"t\":{\"type\":\"plain_text_input\",\"value\":\"Budget\"}},\""
                    + AgendaIds.MINUTES
                    + "\":{\"m\":{\"type\":\"plain_text_input\",\"value\":\"10\"}}}"))
        .then()
        .statusCode(200)
        .body(containsString("find that meeting"));
  }
}
