package dev.cosbot.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every button value and form metadata of questions to leadership is signed: a value whose id was
 * changed (the signature of another id kept) finds nothing, gets the polite "can't find that"
 * answer, and changes nothing.
 */
@QuarkusTest
class AskTamperedIdsTest extends SlackTestBase {
  private static final String ADMIN = "U0ADMIN";

  @Inject SignedMetadata signer;

  @Test
  void aTamperedButtonOrFormGetsThePoliteCantFindAnswerAndChangesNothing() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    AskRequests.ask("U0TAMPER" + run.substring(0, 4).toUpperCase(), "Tampered ids " + run, false)
        .then()
        .statusCode(200);
    awaitScalar("SELECT count(*) FROM ask_question WHERE text = 'Tampered ids " + run + "'", 1);
    long id = scalar("SELECT id FROM ask_question WHERE text = 'Tampered ids " + run + "'");
    String good = signer.signId(id);
    String tampered = (id + 100_000) + good.substring(good.indexOf('~'));

    List<String> cardButtons =
        List.of(
            AskIds.Actions.APPROVE,
            AskIds.Actions.MERGE,
            AskIds.Actions.EDIT,
            AskIds.Actions.DECLINE,
            AskIds.Actions.ANSWER,
            AskIds.Actions.REPLY_TO_ASKER);
    for (String action : cardButtons) {
      AskRequests.click(ADMIN, action, tampered).then().statusCode(200);
    }
    awaitCalls("chat.postEphemeral", AskMessages.GONE, cardButtons.size());
    AskRequests.click(ADMIN, AskIds.Actions.COS_REPLY, tampered).then().statusCode(200);
    awaitCalls("chat.postEphemeral", "find that conversation", 1);
    AskRequests.click("U0SOMEONE", AskIds.Actions.READ_NOTE, tampered).then().statusCode(200);
    awaitCalls("chat.postEphemeral", "isn't for you", 1);

    // Forms with tampered metadata: the modal is replaced by the same answer.
    for (String[] form :
        List.of(
            new String[] {AskIds.Callbacks.MERGE, AskIds.Blocks.MERGE_INTO, String.valueOf(id)},
            new String[] {
              AskIds.Callbacks.EDIT, AskIds.Blocks.NEW_TEXT, "A clearer wording " + run
            },
            new String[] {AskIds.Callbacks.DECLINE, AskIds.Blocks.REASON, "Not for now " + run})) {
      String type = form[0].equals(AskIds.Callbacks.MERGE) ? "static_select" : "plain_text";
      AskRequests.submit(
              ADMIN,
              form[0],
              tampered,
              AskRequests.values(java.util.Map.of(form[1], new String[] {type, form[2]})))
          .then()
          .statusCode(200)
          .body(containsString("find that question"));
    }
    AskRequests.submit(
            ADMIN,
            AskIds.Callbacks.CONVERSATION_START,
            "q:" + id + "x" + good.substring(good.indexOf('~')),
            "{\""
                + AskIds.Blocks.MESSAGE
                + "\":{\"m\":{\"type\":\"plain_text_input\",\"value\":\"Hello there\"}}}")
        .then()
        .statusCode(200)
        .body(containsString("find that question"));

    // Nothing changed: the question still waits for review, nobody was written to.
    assertThat(
            scalar(
                "SELECT count(*) FROM ask_question WHERE id = " + id + " AND status = 'PENDING'"))
        .isEqualTo(1);
    assertThat(scalar("SELECT count(*) FROM ask_conversation WHERE subject LIKE '%" + run + "%'"))
        .isZero();
  }
}
