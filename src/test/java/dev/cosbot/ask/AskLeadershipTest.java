package dev.cosbot.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.google.gson.JsonObject;
import dev.cosbot.cadence.CadenceSweepJob;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.testsupport.DatabaseFiles;
import dev.cosbot.testsupport.FreshStart;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Questions to leadership through signed Slack requests on an empty database: three members ask, a
 * duplicate is merged, eight members vote, the answer reaches the anonymous askers through a sealed
 * note, and nothing stored (tables, table files, WAL, logs) links a question or a vote to a person.
 */
@QuarkusTest
@TestProfile(FreshStart.class)
class AskLeadershipTest extends SlackTestBase {
  private static final String ADMIN = "U0ADMIN";

  private static final Instant FIRST = Instant.parse("2027-01-05T09:00:00Z");

  @Inject SignedMetadata signer;
  @Inject TestClock clock;
  @Inject CadenceSweepJob cadenceSweep;

  private final List<String> logLines = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          String message =
              r instanceof org.jboss.logmanager.ExtLogRecord ext
                  ? ext.getFormattedMessage()
                  : r.getMessage();
          logLines.add(
              r.getLoggerName() + " " + message + (r.getThrown() == null ? "" : r.getThrown()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLogs() {
    java.util.logging.Logger.getLogger("").addHandler(capture);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @AfterEach
  void stopCapturing() {
    java.util.logging.Logger.getLogger("").removeHandler(capture);
  }

  private static String someone(String prefix) {
    return prefix
        + HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(), 0, 4).toUpperCase();
  }

  @Test
  void askMergeVoteAnswerAndNothingStoredLinksAQuestionOrAVoteToAPerson() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String ada = someone("U0ADA"); // anonymous
    String ben = someone("U0BEN"); // anonymous, asks a duplicate of Ada's
    String cy = someone("U0CYN"); // named
    String q1 = "How will the reorg change things for remote staff? " + run;
    String q2 = "What happens to remote people in the reorg? " + run;
    String q3 = "When do we get the new laptops? " + run;

    // The command opens the form.
    SlackRequests.cos(ada, "ask").then().statusCode(200);
    await().until(() -> !formCalls("views.open", AskIds.Callbacks.ASK).isEmpty());

    // Three members ask; the form is replaced by a confirmation (no message through the outbox).
    AskRequests.ask(ada, q1, false)
        .then()
        .statusCode(200)
        .body(containsString("\"response_action\":\"update\""))
        .body(containsString("anonymous"));
    AskRequests.ask(ben, q2, false).then().statusCode(200);
    AskRequests.ask(cy, q3, true).then().statusCode(200).body(containsString("Your name is shown"));
    long id1 = id(q1);
    long id2 = id(q2);
    long id3 = id(q3);

    // The Chief of Staff gets a card per question: anonymous ones name nobody, the named one its
    // asker.
    List<JsonObject> cards = awaitCalls("chat.postMessage", run, 3);
    assertThat(cards).allSatisfy(c -> assertThat(c.get("channel").getAsString()).isEqualTo(ADMIN));
    assertThat(cards.toString()).contains("<@" + cy + ">").doesNotContain(ada).doesNotContain(ben);

    // Audit while nothing was sent to the askers: the anonymous askers' ids are in no table file
    // and no WAL segment at all.
    assertThat(DatabaseFiles.containing(dataSource, ada)).as("Ada's id on disk").isEmpty();
    assertThat(DatabaseFiles.containing(dataSource, ben)).as("Ben's id on disk").isEmpty();

    // A member can't moderate.
    AskRequests.click(ada, AskIds.Actions.APPROVE, signer.signId(id1)).then().statusCode(200);
    awaitCalls("chat.postEphemeral", "Chief", 1);
    assertThat(scalar("SELECT count(*) FROM ask_question WHERE status = 'PENDING' AND id = " + id1))
        .isEqualTo(1);

    // The duplicate is merged into Ada's question; the other two are approved.
    AskRequests.click(ADMIN, AskIds.Actions.MERGE, signer.signId(id2)).then().statusCode(200);
    await().until(() -> !formCalls("views.open", AskIds.Callbacks.MERGE).isEmpty());
    assertThat(formCalls("views.open", AskIds.Callbacks.MERGE).get(0))
        .contains(q1.substring(0, 40));
    AskRequests.submit(
            ADMIN,
            AskIds.Callbacks.MERGE,
            signer.signId(id2),
            AskRequests.values(
                Map.of(AskIds.Blocks.MERGE_INTO, new String[] {"static_select", "" + id1})))
        .then()
        .statusCode(200);
    AskRequests.click(ADMIN, AskIds.Actions.APPROVE, signer.signId(id1)).then().statusCode(200);
    AskRequests.click(ADMIN, AskIds.Actions.APPROVE, signer.signId(id3)).then().statusCode(200);
    awaitScalar(
        "SELECT count(*) FROM ask_question WHERE status = 'OPEN' AND text LIKE '%" + run + "'", 2);
    assertThat(scalar("SELECT merged_into FROM ask_question WHERE id = " + id2)).isEqualTo(id1);
    // Cards follow: the merged card loses its buttons, the approved ones offer "Record answer".
    awaitCalls("chat.update", "Merged into", 1);
    awaitCalls("chat.update", AskIds.Actions.ANSWER, 2);

    // Eight members vote on the board: laptops 6, reorg 3; one changes their mind, one re-submits.
    SlackRequests.cos("U0ANYONE", "ask vote").then().statusCode(200);
    await().until(() -> !formCalls("views.open", AskIds.Callbacks.VOTE).isEmpty());
    String board = formCalls("views.open", AskIds.Callbacks.VOTE).get(0);
    assertThat(board).contains(q1).contains(q3).doesNotContain(q2);
    String metadata = signer.sign(id1 + "," + id3);
    List<String> voters = IntStream.range(0, 8).mapToObj(i -> someone("U0V" + i)).toList();
    for (int i = 0; i < 8; i++) {
      List<Long> up = new ArrayList<>();
      if (i < 6) {
        up.add(id3);
      }
      if (i >= 4) {
        up.add(id1);
      }
      AskRequests.vote(voters.get(i), metadata, List.of(id1, id3), up)
          .then()
          .statusCode(200)
          .body(containsString("Saved"));
    }
    // Voter 0 takes the laptop vote back and gives it to the reorg; voter 7 submits the same again.
    AskRequests.vote(voters.get(0), metadata, List.of(id1, id3), List.of(id1))
        .then()
        .statusCode(200);
    AskRequests.vote(voters.get(7), metadata, List.of(id1, id3), List.of(id1))
        .then()
        .statusCode(200);
    assertThat(scalar("SELECT count(*) FROM ask_vote WHERE question_id = " + id3)).isEqualTo(5);
    assertThat(scalar("SELECT count(*) FROM ask_vote WHERE question_id = " + id1)).isEqualTo(5);
    // Voter 5 votes again for both: still one vote each.
    AskRequests.vote(voters.get(5), metadata, List.of(id1, id3), List.of(id1, id3))
        .then()
        .statusCode(200);
    assertThat(scalar("SELECT count(*) FROM ask_vote WHERE question_id = " + id1)).isEqualTo(5);
    // Reorg 5 (ids 0,4,5,6,7) vs laptops 5 (1,2,3,4,5): one more for the reorg makes the order
    // clear.
    AskRequests.vote(voters.get(1), metadata, List.of(id1, id3), List.of(id1, id3))
        .then()
        .statusCode(200);

    // The board lists them in vote order, with each voter's own votes ticked.
    SlackRequests.cos(voters.get(1), "ask vote").then().statusCode(200);
    await().until(() -> formCalls("views.open", AskIds.Callbacks.VOTE).size() == 2);
    String ordered = formCalls("views.open", AskIds.Callbacks.VOTE).get(0); // newest first
    assertThat(ordered.indexOf(q1)).isLessThan(ordered.indexOf(q3)).isPositive();
    assertThat(ordered).contains("6 up-votes").contains("5 up-votes").contains("initial_options");

    // The monthly all-hands (a cadence) takes questions.
    String allHands = "All-hands " + run;
    clock.setTo(Instant.parse("2027-01-01T12:00:00Z"));
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                ADMIN, "cadence_new", "", cadenceValues(allHands, "C0ALLHANDS", "1d")))
        .then()
        .statusCode(200);
    SlackRequests.cos(ADMIN, "ask meeting \"" + allHands + "\"")
        .then()
        .statusCode(200)
        .body(containsString("now takes questions"));
    SlackRequests.cos(ADMIN, "ask meeting \"All hands " + run + "\"")
        .then()
        .statusCode(200)
        .body(containsString("Did you mean"));

    // Two days before, the CXO's digest shows the top questions (the Chiefs of Staff's preview).
    clock.setTo(FIRST.minus(Duration.ofDays(2)));
    SlackRequests.cos(ADMIN, "digest preview").then().statusCode(200);
    String digest =
        awaitCalls("chat.postMessage", "Preview of the CXO digest", 1).get(0).toString();
    assertThat(digest).contains("Question 1 for *" + allHands).contains("Question 2 for");
    assertThat(digest.indexOf("Question 1 for")).isLessThan(digest.indexOf("Question 2 for"));
    assertThat(digest.substring(digest.indexOf("Question 1 for"))).contains(q1.substring(0, 30));

    // A day before, its lead-time reminder lists the questions in vote order.
    clock.setTo(FIRST.minus(Duration.ofDays(1)).plusSeconds(60));
    cadenceSweep.sweep();
    String reminder = awaitCalls("chat.postMessage", "⏰ " + allHands, 1).get(0).toString();
    assertThat(reminder).contains("Questions for this meeting");
    assertThat(reminder.indexOf(q1)).isPositive().isLessThan(reminder.indexOf(q3));
    assertThat(reminder).contains("6 up-votes").contains("5 up-votes").doesNotContain(q2);
    clock.setTo(FIRST.plus(Duration.ofHours(2)));

    // The Chief of Staff records the answer after the all-hands; it goes to a channel and, as a
    // sealed note, to both anonymous askers of the merged question.
    AskRequests.click(ADMIN, AskIds.Actions.ANSWER, signer.signId(id1)).then().statusCode(200);
    await().until(() -> !formCalls("views.open", AskIds.Callbacks.ANSWER).isEmpty());
    String answer = "Remote staff keep their roles; teams regroup by product. " + run;
    AskRequests.submit(
            ADMIN,
            AskIds.Callbacks.ANSWER,
            signer.signId(id1),
            AskRequests.values(
                Map.of(
                    AskIds.Blocks.ANSWER_TEXT, new String[] {"text", answer},
                    AskIds.Blocks.ANSWER_LINK,
                        new String[] {"text", "https://video.example/allhands"},
                    AskIds.Blocks.ANSWER_CHANNEL,
                        new String[] {"conversations_select", "C0ALLHANDS"})))
        .then()
        .statusCode(200);
    JsonObject post = awaitCalls("chat.postMessage", answer, 1).get(0);
    assertThat(post.get("channel").getAsString()).isEqualTo("C0ALLHANDS");
    assertThat(post.toString()).contains("6 up-votes").doesNotContain(ada).doesNotContain(ben);

    List<JsonObject> notes = awaitCalls("chat.postMessage", AskIds.Actions.READ_NOTE, 5);
    // Notes: approved (Ada, Cy), merged (Ben), answered (Ada, Ben) — none quotes a question.
    assertThat(notes.toString()).doesNotContain(run);
    String token = buttonValue(lastNoteTo(ada));
    String benToken = buttonValue(lastNoteTo(ben));

    // Someone else clicking Ada's note opens nothing.
    slack.resetRequests();
    AskRequests.click(ben, AskIds.Actions.READ_NOTE, token).then().statusCode(200);
    awaitCalls("chat.postEphemeral", "isn't for you", 1);
    assertThat(formCalls("views.open", answer)).isEmpty();
    // Ada opens it and reads the answer.
    AskRequests.click(ada, AskIds.Actions.READ_NOTE, token).then().statusCode(200);
    await().until(() -> !formCalls("views.open", answer).isEmpty());
    assertThat(formCalls("views.open", answer).get(0)).contains("video.example/allhands");
    // Ben, who asked the duplicate, gets the same answer.
    AskRequests.click(ben, AskIds.Actions.READ_NOTE, benToken).then().statusCode(200);
    await().until(() -> formCalls("views.open", answer).size() == 2);

    // --- Storage audit.
    // The schema has no person column for anonymous questions, and votes have no time.
    assertThat(columns("ask_vote")).containsExactlyInAnyOrder("question_id", "ballot");
    // No table row names a voter; the anonymous askers appear only as recipients of sealed notes.
    List<String> rows = DatabaseFiles.allRows(dataSource, List.of());
    for (String voter : voters) {
      assertThat(rows).noneMatch(r -> r.contains(voter));
      assertThat(DatabaseFiles.containing(dataSource, voter)).as("voter id on disk").isEmpty();
    }
    for (String anonymous : List.of(ada, ben)) {
      List<String> naming = rows.stream().filter(r -> r.contains(anonymous)).toList();
      // The sealed notes sent to them: the outbox row and Slack's reference to the delivered
      // message.
      assertThat(naming)
          .isNotEmpty()
          .allMatch(r -> r.startsWith("outbox_message: ") || r.startsWith("slack_message_ref: "));
      assertThat(naming)
          .noneMatch(r -> r.contains(run))
          .noneMatch(r -> r.contains("ask:" + id1) || r.contains("ask:" + id2));
    }
    // A voter's ballots differ from question to question (no profile of one person's votes).
    assertThat(scalar("SELECT count(DISTINCT ballot) FROM ask_vote"))
        .isEqualTo(scalar("SELECT count(*) FROM ask_vote"));
    // The named question keeps its asker, as they chose.
    assertThat(rows).anyMatch(r -> r.startsWith("ask_question: ") && r.contains(cy));
    // No log line names an anonymous asker or a voter.
    assertThat(logLines).isNotEmpty();
    for (String id : concat(voters, List.of(ada, ben))) {
      assertThat(logLines).noneMatch(l -> l.contains(id));
    }
  }

  @Test
  void aRewordingNeedsTheAskersConsentAndADeclineTellsThemWhy() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String dee = someone("U0DEE");
    String original = "why r we even doing the offsite thing?? " + run;
    AskRequests.ask(dee, original, false).then().statusCode(200);
    long id = id(original);
    awaitCalls("chat.postMessage", run, 1);

    // Too short a question is refused in place.
    AskRequests.ask(dee, "why?", false)
        .then()
        .statusCode(200)
        .body(containsString("\"response_action\":\"errors\""))
        .body(containsString("at least 10 characters"));

    // The Chief of Staff suggests a clearer wording; the asker is asked through a sealed note.
    AskRequests.click(ADMIN, AskIds.Actions.EDIT, signer.signId(id)).then().statusCode(200);
    await().until(() -> !formCalls("views.open", AskIds.Callbacks.EDIT).isEmpty());
    String clearer = "What do we want to get out of the off-site? " + run;
    AskRequests.submit(
            ADMIN,
            AskIds.Callbacks.EDIT,
            signer.signId(id),
            AskRequests.values(Map.of(AskIds.Blocks.NEW_TEXT, new String[] {"text", clearer})))
        .then()
        .statusCode(200);
    awaitCalls("chat.update", "Waiting for the asker to accept", 1);
    String token = buttonValue(lastNoteTo(dee));
    AskRequests.click(dee, AskIds.Actions.READ_NOTE, token).then().statusCode(200);
    await().until(() -> !formCalls("views.open", AskIds.Callbacks.CONSENT).isEmpty());
    assertThat(formCalls("views.open", AskIds.Callbacks.CONSENT).get(0)).contains(clearer);
    AskRequests.submit(
            dee,
            AskIds.Callbacks.CONSENT,
            signer.signId(id),
            AskRequests.values(
                Map.of(AskIds.Blocks.CONSENT, new String[] {"radio_buttons", AskBlocks.ACCEPT})))
        .then()
        .statusCode(200)
        .body(containsString("new wording is used"));
    assertThat(scalar("SELECT count(*) FROM ask_question WHERE text = '" + clearer + "'"))
        .isEqualTo(1);
    // Someone else cannot consent for them.
    AskRequests.submit(
            ADMIN,
            AskIds.Callbacks.CONSENT,
            signer.signId(id),
            AskRequests.values(
                Map.of(AskIds.Blocks.CONSENT, new String[] {"radio_buttons", AskBlocks.KEEP})))
        .then()
        .statusCode(200)
        .body(containsString("t for you, so I can"));

    // Declined with a reason: the asker reads it in their note.
    AskRequests.click(ADMIN, AskIds.Actions.DECLINE, signer.signId(id)).then().statusCode(200);
    await().until(() -> !formCalls("views.open", AskIds.Callbacks.DECLINE).isEmpty());
    AskRequests.submit(
            ADMIN,
            AskIds.Callbacks.DECLINE,
            signer.signId(id),
            AskRequests.values(Map.of(AskIds.Blocks.REASON, new String[] {"text", ""})))
        .then()
        .statusCode(200)
        .body(containsString("Say in a sentence why"));
    String reason = "The agenda goes out next week with the goals. " + run;
    AskRequests.submit(
            ADMIN,
            AskIds.Callbacks.DECLINE,
            signer.signId(id),
            AskRequests.values(Map.of(AskIds.Blocks.REASON, new String[] {"text", reason})))
        .then()
        .statusCode(200);
    awaitScalar("SELECT count(*) FROM ask_question WHERE status = 'DECLINED' AND id = " + id, 1);
    await()
        .until(
            () ->
                matching("chat.postMessage", AskIds.Actions.READ_NOTE).stream()
                        .filter(c -> c.get("channel").getAsString().equals(dee))
                        .count()
                    == 2);
    AskRequests.click(dee, AskIds.Actions.READ_NOTE, buttonValue(lastNoteTo(dee)))
        .then()
        .statusCode(200);
    await().until(() -> !formCalls("views.open", reason).isEmpty());
    // A second decline is refused: the card no longer offers it, and a stale click is told.
    AskRequests.click(ADMIN, AskIds.Actions.DECLINE, signer.signId(id)).then().statusCode(200);
    awaitCalls("chat.postEphemeral", "already handled", 1);
  }

  /** The cadence form: weekly on Tuesdays from 5 Jan 2027, 10:00 Berlin, posting in a channel. */
  static String cadenceValues(String name, String channel, String leads) {
    return "{"
        + "\"cadence_name\":{\"value\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(name)
        + "}},"
        + "\"cadence_owner\":{\"value\":{\"type\":\"users_select\",\"selected_user\":\"U0ADMIN\"}},"
        + "\"cadence_kind\":{\"value\":{\"type\":\"static_select\",\"selected_option\":{\"value\":\"WEEKLY\"}}},"
        + "\"cadence_start\":{\"value\":{\"type\":\"datepicker\",\"selected_date\":\"2027-01-05\"}},"
        + "\"cadence_time\":{\"value\":{\"type\":\"timepicker\",\"selected_time\":\"10:00\"}},"
        + "\"cadence_zone\":{\"value\":{\"type\":\"plain_text_input\",\"value\":\"Europe/Berlin\"}},"
        + "\"cadence_channel\":{\"value\":{\"type\":\"conversations_select\",\"selected_conversation\":"
        + SlackRequests.jsonString(channel)
        + "}},"
        + "\"cadence_leads\":{\"value\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(leads)
        + "}}"
        + "}";
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private JsonObject lastNoteTo(String user) {
    List<JsonObject> to =
        matching("chat.postMessage", AskIds.Actions.READ_NOTE).stream()
            .filter(c -> c.get("channel").getAsString().equals(user))
            .toList();
    assertThat(to).isNotEmpty();
    return to.get(to.size() - 1);
  }

  private static String buttonValue(JsonObject message) {
    return message
        .getAsJsonArray("blocks")
        .get(1)
        .getAsJsonObject()
        .getAsJsonArray("elements")
        .get(0)
        .getAsJsonObject()
        .get("value")
        .getAsString();
  }

  private long id(String text) throws Exception {
    return scalar("SELECT id FROM ask_question WHERE text = '" + text.replace("'", "''") + "'");
  }

  private List<String> columns(String table) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_name = '"
                    + table
                    + "'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** Web API calls the Slack SDK client sent as forms (views.open), decoded. */
  private List<String> formCalls(String method, String containing) {
    return AskRequests.formCalls(slack, method, containing);
  }

  static {
    org.awaitility.Awaitility.setDefaultTimeout(Duration.ofSeconds(20));
  }
}
