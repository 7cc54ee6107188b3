package dev.cosbot.pulse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anonymity against everyone, checked on the real database (schema, sealed and stored rows, row
 * versions, snapshots compared), the admin API, the metrics endpoint, admin commands, the outbox
 * and every log line written.
 */
@QuarkusTest
class PulseAnonymityTest extends SlackTestBase {
  private static final String SECRET_TEXT = "my-manager-ignores-me-7f3a";

  @Inject PulseService service;

  private final List<String> logLines = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          String message =
              record instanceof org.jboss.logmanager.ExtLogRecord ext
                  ? ext.getFormattedMessage()
                  : record.getMessage();
          logLines.add(
              record.getLoggerName()
                  + " "
                  + message
                  + (record.getThrown() == null ? "" : " " + record.getThrown()));
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
  void stopCapturing() {
    java.util.logging.Logger.getLogger("").removeHandler(capture);
  }

  @Test
  void nothingLinksAnAnswerToAPerson() throws Exception {
    // --- The schema: answers have no person, no time, no serial id, no link to who responded;
    // nothing records who responded at all.
    // reply_handle: a comment's writer sealed under the secret, so a Chief of Staff can reply.
    assertThat(columns("pulse_answer"))
        .containsExactlyInAnyOrder("id", "round_id", "respondent", "answers", "reply_handle");
    assertThat(columns("pulse_sealed")).containsExactlyInAnyOrder("round_id", "ballot", "sealed");
    // A recipient's team (public in Slack, written when the round opens) is the only addition;
    // answering never writes it (PulseSliceTest checks the row versions).
    assertThat(columns("pulse_recipient"))
        .containsExactlyInAnyOrder("round_id", "user_id", "time_zone", "slice");
    assertThat(
            scalar(
                "SELECT count(*) FROM information_schema.columns WHERE table_name IN ('pulse_answer', 'pulse_recipient', 'pulse_sealed')"
                    + " AND (data_type LIKE 'timestamp%' OR data_type IN ('date', 'time without time zone') OR column_default LIKE 'nextval%')"))
        .isZero();
    assertThat(
            scalar(
                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'pulse_answer' AND column_name = 'id'"
                    + " AND data_type = 'uuid'"))
        .isEqualTo(1);
    assertThat(
            scalar(
                "SELECT count(*) FROM pg_constraint WHERE conrelid IN ('pulse_answer'::regclass, 'pulse_sealed'::regclass)"
                    + " AND contype = 'f' AND confrelid <> 'pulse_round'::regclass"))
        .isZero();

    List<String> people = IntStream.rangeClosed(1, 5).mapToObj(i -> "U0AN" + i).toList();
    PulseFlows.stubUsergroup(slack, "S0ANON", people, "U0ANBOT", "U0ANGONE");
    PulseFlows.submitNewSurvey(
            "U0ADMIN",
            PulseFlows.newSurveyValues("Anonymity check", "enps", null, "S0ANON", true, 5))
        .then()
        .statusCode(200);
    long surveyId = scalar("SELECT id FROM pulse_survey WHERE title = 'Anonymity check'");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> scalar("SELECT count(*) FROM pulse_round WHERE survey_id = " + surveyId) == 1);
    long roundId = scalar("SELECT id FROM pulse_round WHERE survey_id = " + surveyId);
    awaitCalls("chat.postMessage", "Anonymity check", 5);
    long outboxBefore = scalar("SELECT count(*) FROM outbox_message");
    Set<String> recipientsBefore =
        strings(
            "SELECT r::text || ':' || r.xmin::text || ':' || r.ctid::text FROM pulse_recipient r WHERE round_id = "
                + roundId);

    // --- Answering: every ack is the same, no message is queued, only a sealed row is written.
    Set<String> acks = new HashSet<>();
    int[] scores = {0, 3, 6, 9, 10};
    for (int i = 0; i < people.size(); i++) {
      String ack =
          PulseFlows.answer(
                  people.get(i),
                  roundId,
                  PulseFlows.option(0, scores[i]),
                  PulseFlows.text(1, SECRET_TEXT + " " + i))
              .then()
              .statusCode(200)
              .extract()
              .asString();
      acks.add(ack);
      assertThat(scalar("SELECT count(*) FROM pulse_sealed WHERE round_id = " + roundId))
          .isEqualTo(i + 1);
      assertThat(scalar("SELECT count(*) FROM pulse_answer WHERE round_id = " + roundId)).isZero();
      // Two snapshots of who was asked, before and after an answer, are identical: not even the row
      // versions or positions moved, so comparing them names nobody.
      assertThat(
              strings(
                  "SELECT r::text || ':' || r.xmin::text || ':' || r.ctid::text FROM pulse_recipient r WHERE round_id = "
                      + roundId))
          .isEqualTo(recipientsBefore);
      assertSealedRowsNameNobody(roundId, people);
    }
    assertThat(acks).as("the answer ack does not depend on who answered or when").hasSize(1);
    assertThat(scalar("SELECT count(*) FROM outbox_message")).isEqualTo(outboxBefore);

    // --- Ballots are not a plain hash of the person, nor the ballot under the signing secret.
    Set<String> ballots = strings("SELECT ballot FROM pulse_sealed WHERE round_id = " + roundId);
    for (String p : people) {
      assertThat(ballots)
          .doesNotContain(
              sha256(p),
              sha256(roundId + "|" + p),
              sha256(p + "|" + roundId),
              p,
              hmac("pulse-ballot:" + SlackApiTestResource.SIGNING_SECRET, roundId + "|" + p),
              hmac(SlackApiTestResource.SIGNING_SECRET, roundId + "|" + p));
    }

    // --- Admin command and API while open: the participation count, no content at all.
    String open =
        SlackRequests.cos("U0ADMIN", "pulse results " + surveyId)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(open).contains("5/5 answered so far").doesNotContain("eNPS", SECRET_TEXT, "U0AN");

    // --- Closing opens, shuffles and writes the answers in one batch; no sealed row is left.
    assertThat(service.close(roundId)).isTrue();
    assertThat(scalar("SELECT count(*) FROM pulse_sealed WHERE round_id = " + roundId)).isZero();
    assertThat(
            scalar(
                "SELECT count(*) FROM pulse_answer WHERE round_id = "
                    + roundId
                    + " AND respondent IS NOT NULL"))
        .isZero();
    // One writer for every answer row: the closing transaction.
    assertThat(
            scalar(
                "SELECT count(DISTINCT xmin::text) FROM pulse_answer WHERE round_id = " + roundId))
        .isEqualTo(1);
    assertAnswerRowsNameNobody(roundId, people);

    // --- Admin command and API after close: aggregates only; comments hidden at exactly k (they
    // need more than k).
    String command =
        SlackRequests.cos("U0ADMIN", "pulse results " + surveyId)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(command)
        .contains("5/5 answered", "eNPS *-20*")
        .doesNotContain(SECRET_TEXT)
        .doesNotContain("U0AN");
    given().get("/api/v1/pulse/" + surveyId + "/results").then().statusCode(401);
    String api =
        given()
            .header("Authorization", "Bearer test-api-token")
            .get("/api/v1/pulse/" + surveyId + "/results")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(api)
        .contains("\"responses\":5")
        .doesNotContain(SECRET_TEXT)
        .doesNotContain("U0AN")
        .doesNotContain("ballot");
    String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics).doesNotContain("U0AN").doesNotContain(SECRET_TEXT);
    awaitCalls("chat.postMessage", "Pulse results: Anonymity check", 1);
    assertThat(
            scalar(
                "SELECT count(*) FROM outbox_message WHERE payload LIKE '%" + SECRET_TEXT + "%'"))
        .isZero();

    // --- Logs: no line names a respondent or quotes an answer.
    assertThat(logLines).isNotEmpty();
    for (String line : logLines) {
      assertThat(line).doesNotContain(SECRET_TEXT);
      for (String p : people) {
        assertThat(line).doesNotContain(p);
      }
    }
  }

  private void assertAnswerRowsNameNobody(long roundId, List<String> people) throws Exception {
    List<String> rows =
        new ArrayList<>(strings("SELECT a::text FROM pulse_answer a WHERE round_id = " + roundId));
    assertThat(rows).hasSize(people.size());
    for (String row : rows) {
      for (String p : people) {
        assertThat(row).doesNotContain(p);
      }
    }
  }

  private void assertSealedRowsNameNobody(long roundId, List<String> people) throws Exception {
    for (String row :
        strings(
            "SELECT ballot || encode(sealed, 'escape') FROM pulse_sealed WHERE round_id = "
                + roundId)) {
      assertThat(row).doesNotContain(SECRET_TEXT);
      for (String p : people) {
        assertThat(row).doesNotContain(p);
      }
    }
  }

  private static String hmac(String key, String data) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }

  private List<String> columns(String table) throws Exception {
    return new ArrayList<>(
        strings(
            "SELECT column_name FROM information_schema.columns WHERE table_name = '"
                + table
                + "'"));
  }

  private Set<String> strings(String sql) throws Exception {
    Set<String> out = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return Collections.unmodifiableSet(out);
  }

  private static String sha256(String s) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
