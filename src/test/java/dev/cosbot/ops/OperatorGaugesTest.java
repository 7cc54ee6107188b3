package dev.cosbot.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cosbot.escalation.EscalationRequests;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.slack.SlackAuthGate;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's gauges, read as Prometheus reads them: {@code /q/metrics} on the management port.
 * Open escalations and SLA breaches after an escalation raised through Slack; the oldest pending
 * message, the paused state and dead letters while the outbox is held or refused.
 */
@QuarkusTest
class OperatorGaugesTest extends SlackTestBase {
  @Inject TestClock clock;
  @Inject SlackAuthGate gate;
  @Inject Outbox outbox;

  @AfterEach
  void restore() {
    clock.reset();
    SlackApiTestResource.resetToDefaults(slack);
    gate.probe();
  }

  @Test
  void openEscalationsAndSlaBreachesAreGauges() throws Exception {
    String title = "Gauge check " + UUID.randomUUID().toString().substring(0, 6);
    SlackRequests.signed(
            EscalationRequests.raiseSubmissionBody("U0GAUGEREPORTER", title, "S1", "Gauges"),
            "application/x-www-form-urlencoded")
        .then()
        .statusCode(200);
    assertThat(scalar("SELECT count(*) FROM escalation WHERE title = '" + title + "'"))
        .as("raised")
        .isEqualTo(1);
    // Long past the S1 acknowledgement and resolution targets, nobody having acknowledged it.
    clock.advance(Duration.ofDays(3));

    await()
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              String metrics = metrics();
              assertThat(value(metrics, "cosbot_escalations_open ")).isGreaterThanOrEqualTo(1);
              assertThat(
                      value(metrics, "cosbot_escalations_sla_breached{", "target=\"acknowledge\""))
                  .isGreaterThanOrEqualTo(1);
              assertThat(value(metrics, "cosbot_escalations_sla_breached{", "target=\"resolve\""))
                  .isGreaterThanOrEqualTo(1);
            });
    assertThat(metrics())
        .contains("# HELP cosbot_escalations_open ")
        .contains("# HELP cosbot_escalations_sla_breached ");
  }

  @Test
  void pausedOldestPendingAndDeadLettersAreGauges() throws Exception {
    String marker = "gauge-" + UUID.randomUUID();
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .withRequestBody(containing(marker))
            .atPriority(1)
            .willReturn(
                SlackApiTestResource.okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));

    // Slack refuses the token, auth.test included, until the end of the test.
    slack.stubFor(
        post(urlPathEqualTo("/api/auth.test"))
            .atPriority(1)
            .willReturn(SlackApiTestResource.okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));
    gate.pause("invalid_auth", "a test");
    String held = "gauge-held-" + UUID.randomUUID();
    outbox.send(SlackCalls.postMessage("fault:" + held, "C0HELD", "Held " + held, null));
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              String metrics = metrics();
              assertThat(value(metrics, "cosbot_slack_paused ")).isEqualTo(1);
              assertThat(value(metrics, "cosbot_outbox_oldest_pending_age_seconds "))
                  .isGreaterThanOrEqualTo(2);
              assertThat(value(metrics, "cosbot_outbox_pending ")).isGreaterThanOrEqualTo(1);
            });

    SlackApiTestResource.resetToDefaults(slack);
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .withRequestBody(containing(marker))
            .atPriority(1)
            .willReturn(
                SlackApiTestResource.okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
    assertThat(gate.probe()).as("the token works again").isTrue();
    outbox.send(SlackCalls.postMessage("fault:" + marker, "C0GONE", "Refused " + marker, null));
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              String metrics = metrics();
              assertThat(value(metrics, "cosbot_slack_paused ")).isZero();
              assertThat(value(metrics, "cosbot_outbox_dead_letters ")).isGreaterThanOrEqualTo(1);
            });
    assertThat(metrics())
        .contains("# HELP cosbot_slack_paused ")
        .contains("# HELP cosbot_outbox_oldest_pending_age_seconds ")
        .contains("# HELP cosbot_outbox_dead_letters ");
  }

  private String metrics() {
    return management().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  /** The value of the first sample line starting with {@code prefix}, or -1. */
  private static double value(String metrics, String prefix) {
    return value(metrics, prefix, "");
  }

  /** The value of the first sample line starting with {@code prefix} and containing a label. */
  private static double value(String metrics, String prefix, String label) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(prefix) && l.contains(label))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(-1);
  }
}
