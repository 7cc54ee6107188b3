package dev.cosbot.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.google.gson.JsonObject;
import dev.cosbot.digest.DigestDelivery;
import dev.cosbot.digest.DigestService;
import dev.cosbot.testsupport.OnlyDigestSources;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Decisions through signed Slack requests: ask, see it in the digest, the CXO decides, the asker is
 * told, the log.
 */
@QuarkusTest
class DecisionFlowTest extends SlackTestBase {
  @Inject TestClock clock;
  @Inject DigestDelivery delivery;
  @Inject DigestService digests;
  @Inject DecisionService decisions;
  @Inject dev.cosbot.platform.support.SignedMetadata signer;

  @BeforeEach
  void setUp() throws Exception {
    OnlyDigestSources.only("decision"::equals);
    execute(
        "INSERT INTO workspace_setting (setting_key, setting_value, updated_by, updated_at) VALUES ('cxo', 'U0CXO', 'test', now())"
            + " ON CONFLICT (setting_key) DO UPDATE SET setting_value = 'U0CXO'");
    execute(
        "INSERT INTO person (slack_user_id, display_name, time_zone, synced_at) VALUES ('U0CXO', 'cxo', 'Europe/Paris', now())"
            + " ON CONFLICT (slack_user_id) DO UPDATE SET time_zone = 'Europe/Paris', synced_at = now()");
  }

  @AfterEach
  void tearDown() {
    clock.reset();
    OnlyDigestSources.only(null);
  }

  static String values(String question, String date, String options) {
    return "{\""
        + DecisionIds.QUESTION
        + "\":{\""
        + DecisionIds.QUESTION
        + "\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(question)
        + "}},"
        + "\""
        + DecisionIds.CONTEXT
        + "\":{\""
        + DecisionIds.CONTEXT
        + "\":{\"type\":\"plain_text_input\",\"value\":\"We have 12 candidates there.\"}},"
        + "\""
        + DecisionIds.OPTIONS
        + "\":{\""
        + DecisionIds.OPTIONS
        + "\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(options)
        + "}},"
        + "\""
        + DecisionIds.NEEDED_BY
        + "\":{\""
        + DecisionIds.NEEDED_BY
        + "\":{\"type\":\"datepicker\",\"selected_date\":"
        + SlackRequests.jsonString(date)
        + "}},"
        + "\""
        + DecisionIds.ABOUT
        + "\":{\""
        + DecisionIds.ABOUT
        + "\":{\"type\":\"users_select\",\"selected_user\":null}},"
        + "\""
        + DecisionIds.LINK
        + "\":{\""
        + DecisionIds.LINK
        + "\":{\"type\":\"plain_text_input\",\"value\":null}}}";
  }

  long idOf(String question) throws Exception {
    return scalar("SELECT id FROM digest_decision WHERE question = '" + question + "'");
  }

  @Test
  void askedThroughTheModalShownInTheDigestApprovedByTheCxoLoggedAndTheAskerTold()
      throws Exception {
    String question = "Open a Berlin office? " + UUID.randomUUID().toString().substring(0, 6);
    SlackRequests.cos("U0ASKER", "decision " + question).then().statusCode(200);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .until(
            () ->
                slack.getAllServeEvents().stream()
                    .anyMatch(e -> e.getRequest().getUrl().endsWith("/views.open")));
    assertThat(
            slack.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/views.open"))
                .map(
                    e ->
                        java.net.URLDecoder.decode(
                            e.getRequest().getBodyAsString(),
                            java.nio.charset.StandardCharsets.UTF_8))
                .filter(b -> b.contains(DecisionIds.ASK_CALLBACK) && b.contains(question)))
        .hasSize(1);

    // Invalid: no question, a date in the past — errors per field, nothing stored.
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ASKER", DecisionIds.ASK_CALLBACK, "", values(" ", "2020-01-01", "")))
        .then()
        .statusCode(200)
        .body("response_action", equalTo("errors"))
        .body("errors." + DecisionIds.QUESTION, containsString("what needs deciding"))
        .body("errors." + DecisionIds.NEEDED_BY, containsString("past"));
    assertThat(
            scalar(
                "SELECT count(*) FROM digest_decision WHERE asker_id = 'U0ASKER' AND question = ' '"))
        .isZero();

    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ASKER", DecisionIds.ASK_CALLBACK, "", values(question, "2030-01-15", "Yes\nNo")))
        .then()
        .statusCode(200);
    long id = idOf(question);
    assertThat(
            scalar(
                "SELECT count(*) FROM digest_decision WHERE id = "
                    + id
                    + " AND status = 'OPEN' AND needed_by = '2030-01-15'"))
        .isEqualTo(1);
    assertThat(
            awaitCalls("chat.postMessage", "decision request #" + id, 1)
                .get(0)
                .get("channel")
                .getAsString())
        .isEqualTo("U0ASKER");

    // It shows under "Needs you" in the CXO's digest with the four buttons.
    LocalDate day = LocalDate.of(2027, 6, 7);
    clock.setTo(ZonedDateTime.of(day, LocalTime.of(7, 30), ZoneId.of("Europe/Paris")).toInstant());
    assertThat(delivery.sweep()).isEqualTo(1);
    clock.reset();
    JsonObject digest = awaitCalls("chat.postMessage", "Your digest · Monday 7 June", 1).get(0);
    String body = digest.toString();
    assertThat(body.indexOf(question)).isGreaterThan(body.indexOf("*Needs you*"));
    for (String action :
        List.of(DecisionIds.APPROVE, DecisionIds.DECLINE, DecisionIds.DELEGATE, DecisionIds.MORE)) {
      assertThat(body)
          .contains("\"action_id\":\"" + action + "\",\"value\":\"" + signer.signId(id) + "\"");
    }
    String blockId = null;
    for (var b : digest.getAsJsonArray("blocks")) {
      JsonObject o = b.getAsJsonObject();
      if ("actions".equals(o.get("type").getAsString())
          && o.toString().contains("\"value\":\"" + signer.signId(id) + "\"")) {
        blockId = o.get("block_id").getAsString();
      }
    }
    assertThat(blockId).startsWith("digest:U0CXO:");

    // Someone else pressing Approve is refused; the CXO's Approve is recorded once and the asker is
    // DMed.
    SlackRequests.interaction(
            SlackRequests.blockAction("U0ASKER", DecisionIds.APPROVE, signer.signId(id), blockId))
        .then()
        .statusCode(200);
    awaitCalls("chat.postEphemeral", "only the CXO can make this decision", 1);
    assertThat(
            scalar(
                "SELECT count(*) FROM digest_decision WHERE id = " + id + " AND status = 'OPEN'"))
        .isEqualTo(1);

    SlackRequests.interaction(
            SlackRequests.blockAction("U0CXO", DecisionIds.APPROVE, signer.signId(id), blockId))
        .then()
        .statusCode(200);
    awaitCalls("chat.postEphemeral", "Recorded: decision #" + id + " approved", 1);
    assertThat(
            scalar(
                "SELECT count(*) FROM digest_decision WHERE id = "
                    + id
                    + " AND status = 'APPROVED' AND decided_by = 'U0CXO'"
                    + " AND decided_at IS NOT NULL"))
        .isEqualTo(1);
    JsonObject told =
        awaitCalls("chat.postMessage", "*approved* your decision request #" + id, 1).get(0);
    assertThat(told.get("channel").getAsString()).isEqualTo("U0ASKER");

    SlackRequests.interaction(
            SlackRequests.blockAction("U0CXO", DecisionIds.DECLINE, signer.signId(id), blockId))
        .then()
        .statusCode(200);
    awaitCalls("chat.postEphemeral", "was already recorded: approved", 1);
    assertThat(
            scalar(
                "SELECT count(*) FROM digest_decision WHERE id = "
                    + id
                    + " AND status = 'APPROVED'"))
        .isEqualTo(1);

    // The log: in Slack and as JSON.
    SlackRequests.cos("U0ASKER", "decisions")
        .then()
        .statusCode(200)
        .body("text", containsString("#" + id + "*"))
        .body("text", containsString("approved by <@U0CXO>"));
    given()
        .header("Authorization", "Bearer test-api-token")
        .get("/api/v1/decisions?status=APPROVED")
        .then()
        .statusCode(200)
        .body("find { it.id == " + id + " }.status", equalTo("APPROVED"))
        .body("find { it.id == " + id + " }.decidedBy", equalTo("U0CXO"));
    given().get("/api/v1/decisions").then().statusCode(401);
  }

  @Test
  void aTamperedDecisionButtonOrFormGetsThePoliteCantFindAnswerAndChangesNothing()
      throws Exception {
    Decision d =
        decisions.ask(
            "U0ASKER3",
            new DecisionService.Ask(
                "Tamper test " + UUID.randomUUID().toString().substring(0, 6),
                null,
                null,
                LocalDate.of(2030, 3, 1),
                null,
                null));
    String good = signer.signId(d.id);
    String otherId = (d.id + 1) + good.substring(good.indexOf('~'));
    for (String action : List.of(DecisionIds.APPROVE, DecisionIds.DELEGATE)) {
      for (String value : List.of(String.valueOf(d.id), otherId)) {
        SlackRequests.interaction(
                SlackRequests.blockAction("U0CXO", action, value, "digest:U0CXO:1"))
            .then()
            .statusCode(200);
      }
    }
    awaitCalls("chat.postEphemeral", "can't find that decision", 4);
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0CXO",
                DecisionIds.OUTCOME_CALLBACK,
                DecisionIds.DELEGATE + ":" + d.id,
                "{\""
                    + DecisionIds.DELEGATE_TO
                    + "\":{\""
                    + DecisionIds.DELEGATE_TO
                    + "\":{\"type\":\"users_select\",\"selected_user\":\"U0DEPUTY\"}}}"))
        .then()
        .statusCode(200)
        .body("errors." + DecisionIds.DELEGATE_TO, containsString("can't find that decision"));
    assertThat(
            slack.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/views.open")))
        .isEmpty();
    assertThat(
            scalar(
                "SELECT count(*) FROM digest_decision WHERE id = " + d.id + " AND status = 'OPEN'"))
        .isEqualTo(1);
  }

  @Test
  void theCxoDelegatesToAPersonOrAsksForMoreThroughAModal() throws Exception {
    String question = "Pick the QBR venue " + UUID.randomUUID().toString().substring(0, 6);
    Decision d =
        decisions.ask(
            "U0ASKER2",
            new DecisionService.Ask(question, null, null, LocalDate.of(2030, 2, 1), null, null));
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0CXO", DecisionIds.DELEGATE, signer.signId(d.id), "digest:U0CXO:4"))
        .then()
        .statusCode(200);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .until(
            () ->
                slack.getAllServeEvents().stream()
                    .anyMatch(e -> e.getRequest().getUrl().endsWith("/views.open")));
    assertThat(
            slack.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/views.open"))
                .map(
                    e ->
                        java.net.URLDecoder.decode(
                            e.getRequest().getBodyAsString(),
                            java.nio.charset.StandardCharsets.UTF_8))
                .filter(
                    b ->
                        b.contains(DecisionIds.OUTCOME_CALLBACK)
                            && b.contains(DecisionIds.DELEGATE + ":" + d.id)))
        .hasSize(1);

    String none =
        "{\""
            + DecisionIds.DELEGATE_TO
            + "\":{\""
            + DecisionIds.DELEGATE_TO
            + "\":{\"type\":\"users_select\",\"selected_user\":null}}}";
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0CXO",
                DecisionIds.OUTCOME_CALLBACK,
                signer.sign(DecisionIds.DELEGATE + ":" + d.id),
                none))
        .then()
        .statusCode(200)
        .body("errors." + DecisionIds.DELEGATE_TO, containsString("pick the person"));

    String values =
        "{\""
            + DecisionIds.DELEGATE_TO
            + "\":{\""
            + DecisionIds.DELEGATE_TO
            + "\":{\"type\":\"users_select\",\"selected_user\":\"U0DEPUTY\"}},"
            + "\""
            + DecisionIds.NOTE
            + "\":{\""
            + DecisionIds.NOTE
            + "\":{\"type\":\"plain_text_input\",\"value\":\"You own this <!channel>\"}}}";
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0CXO",
                DecisionIds.OUTCOME_CALLBACK,
                signer.sign(DecisionIds.DELEGATE + ":" + d.id),
                values))
        .then()
        .statusCode(200);
    assertThat(
            scalar(
                "SELECT count(*) FROM digest_decision WHERE id = "
                    + d.id
                    + " AND status = 'DELEGATED' AND delegated_to = 'U0DEPUTY'"))
        .isEqualTo(1);
    JsonObject toDelegate =
        awaitCalls("chat.postMessage", "delegated a decision to you", 1).stream()
            .filter(b -> b.toString().contains(question))
            .findFirst()
            .orElseThrow();
    assertThat(toDelegate.get("channel").getAsString()).isEqualTo("U0DEPUTY");
    assertThat(toDelegate.toString()).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
    assertThat(
            awaitCalls("chat.postMessage", "*delegated* your decision request #" + d.id, 1)
                .get(0)
                .get("channel")
                .getAsString())
        .isEqualTo("U0ASKER2");

    // Ask for more needs a note.
    Decision more =
        decisions.ask(
            "U0ASKER2",
            new DecisionService.Ask(
                "Budget for offsite " + question,
                null,
                null,
                LocalDate.of(2030, 2, 1),
                null,
                null));
    String empty =
        "{\""
            + DecisionIds.NOTE
            + "\":{\""
            + DecisionIds.NOTE
            + "\":{\"type\":\"plain_text_input\",\"value\":null}}}";
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0CXO",
                DecisionIds.OUTCOME_CALLBACK,
                signer.sign(DecisionIds.MORE + ":" + more.id),
                empty))
        .then()
        .statusCode(200)
        .body("errors." + DecisionIds.NOTE, containsString("need to know"));
    String note =
        "{\""
            + DecisionIds.NOTE
            + "\":{\""
            + DecisionIds.NOTE
            + "\":{\"type\":\"plain_text_input\",\"value\":\"What does it cost per head?\"}}}";
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0CXO",
                DecisionIds.OUTCOME_CALLBACK,
                signer.sign(DecisionIds.MORE + ":" + more.id),
                note))
        .then()
        .statusCode(200);
    assertThat(
            awaitCalls(
                    "chat.postMessage",
                    "needs *more information* before deciding on #" + more.id,
                    1)
                .get(0)
                .toString())
        .contains("What does it cost per head?");
  }

  @Test
  void aDecisionPastItsNeededByDateIsFlaggedToTheChiefsOfStaffOnce() throws Exception {
    String question = "Renew the lease " + UUID.randomUUID().toString().substring(0, 6);
    execute(
        "INSERT INTO digest_decision (asker_id, question, needed_by, status, created_at)"
            + " VALUES ('U0ASKER3', '"
            + question
            + "', current_date - 3, 'OPEN', now())");
    long id = idOf(question);
    assertThat(decisions.flagOverdue()).isGreaterThanOrEqualTo(1);
    JsonObject flagged =
        awaitCalls("chat.postMessage", "Decision #" + id + " is past its needed-by date", 1).get(0);
    assertThat(flagged.get("channel").getAsString()).isEqualTo("U0ADMIN");
    decisions.flagOverdue();
    assertThat(
            scalar(
                "SELECT count(*) FROM outbox_message WHERE idempotency_key LIKE 'decision-overdue:"
                    + id
                    + ":%'"))
        .isEqualTo(scalar("SELECT count(*) FROM person WHERE is_admin AND NOT deleted"));
    assertThat(
            scalar(
                "SELECT count(*) FROM digest_decision WHERE id = "
                    + id
                    + " AND overdue_flagged_at IS NOT NULL"))
        .isEqualTo(1);
  }
}
