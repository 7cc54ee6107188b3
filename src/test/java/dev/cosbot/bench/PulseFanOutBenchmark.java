package dev.cosbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cosbot.pulse.PulseAudience;
import dev.cosbot.pulse.PulseQuestions;
import dev.cosbot.pulse.PulseService;
import dev.cosbot.pulse.PulseSurvey;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Pulse fan-out: a round to 5,000 recipients is enqueued in under 2 s, is delivered through the
 * outbox at the paced rate (chat.postMessage ≤ its configured calls per minute plus one second of
 * burst), and nobody is messaged twice (re-running the fan-out queues nothing). Run with {@code
 * ./mvnw -o -B test -Dtest=PulseFanOutBenchmark}.
 */
@QuarkusTest
class PulseFanOutBenchmark extends SlackTestBase {
  private static final int RECIPIENTS = 5_000;

  @Inject PulseService service;

  @Test
  void fiveThousandRecipients() throws Exception {
    List<PulseAudience.Recipient> recipients =
        IntStream.range(0, RECIPIENTS)
            .mapToObj(i -> new PulseAudience.Recipient(String.format("U0BENCH%05d", i), "UTC"))
            .toList();
    // A survey whose own first round is far away, so only the round opened here sends anything.
    PulseSurvey survey =
        service.create(
            "U0ADMIN",
            new PulseService.NewSurvey(
                "Benchmark pulse",
                PulseQuestions.template("enps"),
                PulseSurvey.AudienceKind.PEOPLE,
                "U0BENCH00000",
                "bench",
                true,
                5,
                3,
                0,
                LocalDateTime.of(2100, 1, 1, 10, 0),
                null));

    // Warm up the code path (JIT, statement caches) with a smaller round, then stop its messages.
    long warmup =
        service
            .openRound(
                survey.id,
                null,
                IntStream.range(0, 500)
                    .mapToObj(
                        i -> new PulseAudience.Recipient(String.format("U0WARM%05d", i), "UTC"))
                    .toList())
            .orElseThrow()
            .id;
    execute(
        "UPDATE outbox_message SET status = 'SENT' WHERE idempotency_key LIKE 'pulse:dm:"
            + warmup
            + ":%' AND status = 'PENDING'");
    long start = System.nanoTime();
    long roundId = service.openRound(survey.id, null, recipients).orElseThrow().id;
    long enqueueMillis = (System.nanoTime() - start) / 1_000_000;

    String keys = "idempotency_key LIKE 'pulse:dm:" + roundId + ":%'";
    assertThat(scalar("SELECT count(*) FROM outbox_message WHERE " + keys)).isEqualTo(RECIPIENTS);
    assertThat(scalar("SELECT count(DISTINCT channel) FROM outbox_message WHERE " + keys))
        .isEqualTo(RECIPIENTS);
    long again = System.nanoTime();
    int requeued = service.sendZone(roundId, "UTC");
    long againMillis = (System.nanoTime() - again) / 1_000_000;
    assertThat(requeued).as("re-running the fan-out queues nobody twice").isZero();

    // Delivery: watch the first 40 DMs go out, then stop the rest (they would take minutes at
    // Slack's pace).
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> delivered().size() >= 40);
    List<ServeEvent> sent = delivered();
    execute("UPDATE outbox_message SET status = 'SENT' WHERE " + keys + " AND status = 'PENDING'");
    List<ServeEvent> first = sent.subList(0, 40);
    long spanMillis =
        first.get(39).getRequest().getLoggedDate().getTime()
            - first.get(0).getRequest().getLoggedDate().getTime();
    double perSecond = 39_000.0 / Math.max(1, spanMillis);
    long distinct =
        sent.stream()
            .map(
                e ->
                    e.getRequest()
                        .getBodyAsString()
                        .replaceAll(".*\"channel\":\"(U0BENCH\\d+)\".*", "$1"))
            .distinct()
            .count();

    double load =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
            / Runtime.getRuntime().availableProcessors();
    System.out.printf(
        "%nPulseFanOutBenchmark (load average per core %.1f): %d recipients enqueued in %d ms (re-run: %d ms, %d queued again);"
            + " delivery of the first 40 DMs at %.1f/s (paced at 10/s with a 10-message burst); %d delivered, %d distinct recipients%n",
        load, RECIPIENTS, enqueueMillis, againMillis, requeued, perSecond, sent.size(), distinct);
    // Under 2 s on an idle machine; on a shared, overloaded one (load per core > 1) the budget
    // grows with the load so the benchmark measures the code rather than the neighbours.
    assertThat(enqueueMillis).isLessThan((long) (2_000 * Math.max(1.0, load)));
    assertThat(distinct).isEqualTo(sent.size());
    // 600/min with a burst of 10: 40 messages cannot go out in less than (40 - 10) / 10 s.
    // (logged request times are taken by WireMock, so allow a little jitter).
    assertThat(spanMillis).isGreaterThanOrEqualTo(2_600);
  }

  private List<ServeEvent> delivered() {
    return slack.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/chat.postMessage"))
        .filter(e -> e.getRequest().getBodyAsString().contains("U0BENCH"))
        .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
        .toList();
  }
}
