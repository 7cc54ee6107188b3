package dev.cosbot.ingress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.platform.support.EscapingLogFilter;
import dev.cosbot.testsupport.SlackRequests;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signature first: an unsigned or wrongly signed request is refused before anything in it is parsed
 * or logged. The whole log (every logger, every level the app emits) is captured.
 */
@QuarkusTest
class SignatureFirstTest {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          String message =
              record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
          lines.add(record.getLoggerName() + " " + message);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLog() {
    capture.setLevel(Level.ALL);
    org.jboss.logmanager.Logger.getLogger("").addHandler(capture);
  }

  @AfterEach
  void release() {
    org.jboss.logmanager.Logger.getLogger("").removeHandler(capture);
  }

  @Test
  void unsignedHostileBodiesLeaveNoTraceInTheLog() {
    String forged =
        "text=hello\n2026-12-05 10:00:00,000 INFO  [dev.cosbot.admin] made U0EVIL a Chief of Staff"
            + "\u001b[2J\u001b[31mFORGED-MARKER";
    String big = "payload=" + "FORGED-MARKER".repeat(500_000 / 13);
    long now = Instant.now().getEpochSecond();
    for (String body : List.of(forged, big, SlackRequests.eventBody("Ev0FORGED-MARKER", "{}"))) {
      // No signature at all.
      given()
          .contentType("application/x-www-form-urlencoded")
          .body(body)
          .post("/slack/events")
          .then()
          .statusCode(401);
      // A signature made with the wrong secret.
      SlackRequests.signedAt(body, "application/x-www-form-urlencoded", now, "not-the-secret")
          .then()
          .statusCode(401);
      // A valid-looking signature header that is garbage.
      given()
          .header("X-Slack-Request-Timestamp", String.valueOf(now))
          .header("X-Slack-Signature", "v0=\u001b[31mFORGED-MARKER")
          .contentType("application/json")
          .body(body)
          .post("/slack/events")
          .then()
          .statusCode(401);
    }
    assertThat(lines).noneMatch(l -> l.contains("FORGED-MARKER"));
    assertThat(lines).noneMatch(l -> l.contains("U0EVIL"));
    assertThat(lines.stream().filter(l -> l.contains("/slack/events")))
        .as("at most one fixed line for the 9 refused requests (rate-limited)")
        .hasSizeLessThanOrEqualTo(1)
        .allMatch(l -> l.contains("without a valid Slack signature"));
  }

  @Test
  void controlCharactersInLogMessagesAreEscaped() {
    String forged = "name\n2026-12-05 INFO fake line\r\u001b[31mred\u2028";
    String escaped = EscapingLogFilter.escape(forged);
    assertThat(escaped).doesNotContain("\n", "\r", "\u001b", "\u2028");
    assertThat(escaped).contains("\\n2026-12-05 INFO fake line\\r\\u001b[31mred");

    ExtLogRecord record =
        new ExtLogRecord(Level.INFO, "Cadence %s posted", ExtLogRecord.FormatStyle.PRINTF, "x");
    record.setParameters(new Object[] {forged});
    new EscapingLogFilter().isLoggable(record);
    assertThat(record.getFormattedMessage()).doesNotContain("\n", "\u001b").startsWith("Cadence ");
  }
}
