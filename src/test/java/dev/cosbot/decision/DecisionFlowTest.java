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
    assertThat(awaitViewOpened(DecisionIds.ASK_CALLBACK, question)).hasSize(1);

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
                "U0ASKER", DecisionIds.ASK_CALLBACK, "", values(question, "2030-01-15", "")))
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
    // No options listed: Approve and Decline are the choices; each value is signed.
    assertThat(body)
        .contains(
            "\"text\":\"Approve\"},\"action_id\":\"decision_choose_0\",\"value\":\""
                + signer.sign(id + ":0")
                + "\"")
        .contains(
            "\"text\":\"Decline\"},\"action_id\":\"decision_choose_1\",\"value\":\""
                + signer.sign(id + ":1")
                + "\"");
    for (String action : List.of(DecisionIds.DELEGATE, DecisionIds.MORE)) {
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

    // Someone else pressing an option is refused; the CXO's choice goes through a confirmation.
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0ASKER", DecisionIds.CHOOSE + "_0", signer.sign(id + ":0"), blockId))
        .then()
        .statusCode(200);
    awaitCalls("chat.postEphemeral", "only the CXO can make this decision", 1);
    choose("U0CXO", id, 0, null);
    awaitCalls("chat.postEphemeral", "Approved by <@U0CXO>", 1);
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

    // A second confirmation (another replica, a double submit) changes nothing.
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0CXO", DecisionIds.CHOOSE_CALLBACK, signer.sign(id + ":1"), "{}"))
        .then()
        .statusCode(200)
        .body("errors." + DecisionIds.NOTE, containsString("already settled"));
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

  /** Confirms option {@code index} of decision {@code id} as {@code user}, as the modal does. */
  private void choose(String user, long id, int index, String note) {
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                user,
                DecisionIds.CHOOSE_CALLBACK,
                signer.sign(id + ":" + index),
                state(text(DecisionIds.NOTE, note))))
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.not(containsString("errors")));
  }

  /** Submits the CXO's Delegate / Ask-for-more form of decision {@code id} with these values. */
  private io.restassured.response.Response outcome(String action, long id, String state) {
    return SlackRequests.interaction(
        SlackRequests.viewSubmission(
            "U0CXO", DecisionIds.OUTCOME_CALLBACK, signer.sign(action + ":" + id), state));
  }

  /** A modal's {@code state.values} made of {@link #text} / {@link #delegateTo} inputs. */
  private static String state(String... inputs) {
    return "{" + String.join(",", inputs) + "}";
  }

  /** A text input (block and action id alike) as Slack reports it; null when left empty. */
  private static String text(String blockId, String value) {
    return input(blockId, "plain_text_input", "value", SlackRequests.jsonString(value));
  }

  /** The Delegate form's person picker; null when nobody was picked. */
  private static String delegateTo(String user) {
    return input(
        DecisionIds.DELEGATE_TO, "users_select", "selected_user", SlackRequests.jsonString(user));
  }

  private static String input(String blockId, String type, String key, String jsonValue) {
    return "\""
        + blockId
        + "\":{\""
        + blockId
        + "\":{\"type\":\""
        + type
        + "\",\""
        + key
        + "\":"
        + jsonValue
        + "}}";
  }

  /** Waits for a views.open containing every one of {@code parts}; all such calls. */
  private List<String> awaitViewOpened(String... parts) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .until(() -> !opened(parts).isEmpty());
    return opened(parts);
  }

  private List<String> opened(String... parts) {
    return viewsOpened().stream()
        .filter(b -> List.of(parts).stream().allMatch(b::contains))
        .toList();
  }

  private String text(String sql) throws Exception {
    try (var c = dataSource.getConnection();
        var st = c.createStatement();
        var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void aThreeOptionDecisionTheCxoPicksOption2WithAConfirmationAndEveryCopyShowsIt()
      throws Exception {
    String question = "Where do we hire? " + UUID.randomUUID().toString().substring(0, 6);
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ASKER4",
                DecisionIds.ASK_CALLBACK,
                "",
                values(question, "2030-01-15", "Berlin\nLisbon <b>\nWait a quarter")))
        .then()
        .statusCode(200);
    long id = idOf(question);

    // The DM that brings the ask to the CXO carries the three options, Ask for more and Delegate.
    JsonObject cxoCopy =
        awaitCalls("chat.postMessage", "asks you for a decision", 1).stream()
            .filter(b -> b.toString().contains(question))
            .findFirst()
            .orElseThrow();
    assertThat(cxoCopy.get("channel").getAsString()).isEqualTo("U0CXO");
    for (int i = 0; i < 3; i++) {
      assertThat(cxoCopy.toString())
          .contains(
              "\"action_id\":\""
                  + DecisionIds.CHOOSE
                  + "_"
                  + i
                  + "\",\"value\":\""
                  + signer.sign(id + ":" + i)
                  + "\"");
    }
    assertThat(cxoCopy.toString())
        .contains("Lisbon &lt;b&gt;")
        .contains(DecisionIds.MORE)
        .contains(DecisionIds.DELEGATE)
        .doesNotContain(DecisionIds.APPROVE);

    // The digest shows the same buttons.
    LocalDate day = LocalDate.of(2027, 6, 8);
    clock.setTo(ZonedDateTime.of(day, LocalTime.of(7, 30), ZoneId.of("Europe/Paris")).toInstant());
    assertThat(delivery.sweep()).isEqualTo(1);
    clock.reset();
    JsonObject digest = awaitCalls("chat.postMessage", "Your digest · Tuesday 8 June", 1).get(0);
    String blockId = null;
    for (var b : digest.getAsJsonArray("blocks")) {
      JsonObject o = b.getAsJsonObject();
      if ("actions".equals(o.get("type").getAsString())
          && o.toString().contains(signer.sign(id + ":1"))) {
        blockId = o.get("block_id").getAsString();
      }
    }
    assertThat(blockId).startsWith("digest:U0CXO:");
    awaitScalar(
        "SELECT count(*) FROM outbox_message WHERE idempotency_key = 'digest:U0CXO:2027-06-08'"
            + " AND result_ts IS NOT NULL",
        1);
    String digestTs =
        text(
            "SELECT result_ts FROM outbox_message WHERE idempotency_key = 'digest:U0CXO:2027-06-08'");
    JsonObject shown = new JsonObject();
    shown.add("text", digest.get("text"));
    shown.add("blocks", digest.get("blocks"));

    // The CXO picks option 2 in the digest: a confirmation names it; nothing is recorded yet.
    SlackRequests.interaction(
            SlackRequests.blockActionOn(
                "U0CXO",
                DecisionIds.CHOOSE + "_1",
                signer.sign(id + ":1"),
                blockId,
                "U0CXO",
                digestTs,
                shown.toString()))
        .then()
        .statusCode(200);
    awaitViewOpened(DecisionIds.CHOOSE_CALLBACK, "choosing *Lisbon ", signer.sign(id + ":1"));
    assertThat(
            scalar(
                "SELECT count(*) FROM digest_decision WHERE id = " + id + " AND status = 'OPEN'"))
        .isEqualTo(1);

    // Confirmed: the asker's DM names option 2.
    choose("U0CXO", id, 1, "Closer to our customers.");
    JsonObject told = awaitCalls("chat.postMessage", "decided your request #" + id, 1).get(0);
    assertThat(told.get("channel").getAsString()).isEqualTo("U0ASKER4");
    assertThat(told.toString()).contains("they chose *Lisbon &lt;b&gt;*").contains("Closer to our");
    assertThat(
            scalar(
                "SELECT count(*) FROM digest_decision WHERE id = "
                    + id
                    + " AND status = 'DECIDED' AND chosen_option = 'Lisbon <b>'"))
        .isEqualTo(1);

    // The digest message is updated in place: this decision's buttons are gone, the rest stays.
    JsonObject digestUpdate = awaitCalls("chat.update", "\"ts\":\"" + digestTs + "\"", 1).get(0);
    assertThat(digestUpdate.get("channel").getAsString()).isEqualTo("U0CXO");
    assertThat(digestUpdate.toString())
        .contains("<@U0CXO> chose *Lisbon &lt;b&gt;*")
        .contains(question)
        .doesNotContain("\"value\":\"" + signer.sign(id + ":0") + "\"")
        .doesNotContain("\"value\":\"" + signer.sign(id + ":1") + "\"")
        .doesNotContain("\"value\":\"" + signer.signId(id) + "\"");
    // The CXO's DM copy too.
    String copyTs =
        text(
            "SELECT result_ts FROM outbox_message WHERE idempotency_key = '"
                + DecisionKeys.cxoCopy(id)
                + "'");
    JsonObject copyUpdate = awaitCalls("chat.update", "\"ts\":\"" + copyTs + "\"", 1).get(0);
    assertThat(copyUpdate.toString())
        .contains("chose *Lisbon &lt;b&gt;*")
        .doesNotContain("\"type\":\"actions\"");

    // A stale button pressed later only says how it was settled.
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0CXO", DecisionIds.CHOOSE + "_2", signer.sign(id + ":2"), blockId))
        .then()
        .statusCode(200);
    awaitCalls("chat.postEphemeral", "was already settled", 1);
    assertThat(
            scalar(
                "SELECT count(*) FROM digest_decision WHERE id = "
                    + id
                    + " AND chosen_option = 'Lisbon <b>'"))
        .isEqualTo(1);
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
    String otherOption = signer.sign(d.id + ":0");
    otherOption = (d.id + 1) + ":0" + otherOption.substring(otherOption.indexOf('~'));
    for (String action : List.of(DecisionIds.CHOOSE + "_0", DecisionIds.DELEGATE)) {
      for (String value :
          List.of(
              String.valueOf(d.id), action.equals(DecisionIds.DELEGATE) ? otherId : otherOption)) {
        SlackRequests.interaction(
                SlackRequests.blockAction("U0CXO", action, value, "digest:U0CXO:1"))
            .then()
            .statusCode(200);
      }
    }
    SlackRequests.interaction(
            SlackRequests.blockAction("U0ASKER3", DecisionIds.REPLY, otherId, "decision_actions"))
        .then()
        .statusCode(200);
    awaitCalls("chat.postEphemeral", "can't find that decision", 5);
    SlackRequests.interaction(
            SlackRequests.viewSubmission("U0CXO", DecisionIds.CHOOSE_CALLBACK, d.id + ":0", "{}"))
        .then()
        .statusCode(200)
        .body("errors." + DecisionIds.NOTE, containsString("can't find that decision"));
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ASKER3",
                DecisionIds.REPLY_CALLBACK,
                otherId,
                state(text(DecisionIds.REPLY_TEXT, "hi"))))
        .then()
        .statusCode(200)
        .body("errors." + DecisionIds.REPLY_TEXT, containsString("can't find that decision"));
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0CXO",
                DecisionIds.OUTCOME_CALLBACK,
                DecisionIds.DELEGATE + ":" + d.id,
                state(delegateTo("U0DEPUTY"))))
        .then()
        .statusCode(200)
        .body("errors." + DecisionIds.DELEGATE_TO, containsString("can't find that decision"));
    assertThat(viewsOpened()).isEmpty();
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
    assertThat(awaitViewOpened(DecisionIds.OUTCOME_CALLBACK, DecisionIds.DELEGATE + ":" + d.id))
        .hasSize(1);

    outcome(DecisionIds.DELEGATE, d.id, state(delegateTo(null)))
        .then()
        .statusCode(200)
        .body("errors." + DecisionIds.DELEGATE_TO, containsString("pick the person"));

    outcome(
            DecisionIds.DELEGATE,
            d.id,
            state(delegateTo("U0DEPUTY"), text(DecisionIds.NOTE, "You own this <!channel>")))
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
    outcome(DecisionIds.MORE, more.id, state(text(DecisionIds.NOTE, null)))
        .then()
        .statusCode(200)
        .body("errors." + DecisionIds.NOTE, containsString("need to know"));
    outcome(DecisionIds.MORE, more.id, state(text(DecisionIds.NOTE, "What does it cost per head?")))
        .then()
        .statusCode(200);
    // The request stays open; the question reaches the asker in their request's thread.
    JsonObject asked =
        awaitCalls("chat.postMessage", "needs more before deciding #" + more.id, 1).get(0);
    assertThat(asked.toString())
        .contains("What does it cost per head?")
        .contains("\"thread_ts\"")
        .contains("<@U0ASKER2>")
        .contains(DecisionIds.REPLY);
    assertThat(
            scalar(
                "SELECT count(*) FROM digest_decision WHERE id = "
                    + more.id
                    + " AND status = 'OPEN'"))
        .isEqualTo(1);

    // The asker answers with Reply: it reaches the CXO in the thread of the CXO's copy.
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0ASKER2", DecisionIds.REPLY, signer.signId(more.id), "decision_actions"))
        .then()
        .statusCode(200);
    awaitViewOpened(DecisionIds.REPLY_CALLBACK);
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ASKER2",
                DecisionIds.REPLY_CALLBACK,
                signer.signId(more.id),
                state(text(DecisionIds.REPLY_TEXT, "About 120 euros."))))
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.not(containsString("errors")));
    JsonObject answered =
        awaitCalls("chat.postMessage", "<@U0ASKER2> answered about #" + more.id, 1).get(0);
    assertThat(answered.toString()).contains("About 120 euros.").contains("<@U0CXO>");
    assertThat(answered.get("channel").getAsString()).isEqualTo("U0CXO");
    assertThat(answered.has("thread_ts")).isTrue();
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
