package dev.cosbot.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.cosbot.home.HomeService;
import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestRequest;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.platform.spi.TeamSignal;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The weekly report to a report channel, the CXO digest source and the Home section. */
@QuarkusTest
class StatusReportsTest extends SlackTestBase {
  @jakarta.inject.Inject dev.cosbot.platform.support.SignedMetadata signer;

  @Inject StatusReports reports;
  @Inject StatusDigestSource digest;
  @Inject HomeService home;
  @Inject StatusJobs jobs;

  @Test
  void weeklyReportDigestAndHome() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String channel = "C0REP" + suffix;
    String team = "Reports " + suffix;
    String name = "Reported " + suffix;
    execute(
        "INSERT INTO person (slack_user_id, time_zone, synced_at) VALUES ('U0REPORTER', 'Europe/Berlin', now() + interval '3650 days')"
            + " ON CONFLICT (slack_user_id) DO NOTHING");
    Instant start = Instant.now();
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0REPORTER",
                StatusIds.INITIATIVE_MODAL,
                signer.sign("new"),
                StatusRequests.initiativeValues(name, "U0REPORTER", team, "10:00", channel)))
        .then()
        .statusCode(200);
    long id = scalar("SELECT id FROM status_initiative WHERE name = '" + name + "'");
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0REPORTER",
                StatusIds.UPDATE_MODAL,
                signer.signId(id),
                StatusRequests.updateValues(
                    "RED",
                    "Blocked on legal",
                    "Contract unsigned",
                    "Call their CEO",
                    "U0CXO",
                    "LOW",
                    "10")))
        .then()
        .statusCode(200);
    long updateId = scalar("SELECT id FROM status_update WHERE initiative_id = " + id);
    // The scheduled sweep visits every active initiative; nothing is due yet for this one.
    assertThat(jobs.sweep(Instant.now())).isGreaterThanOrEqualTo(1);
    assertThat(matching("chat.postMessage", "Time for your update on *" + name)).isEmpty();

    // Weekly report: once per channel and week, however often the job fires.
    assertThat(reports.postWeekly()).isGreaterThanOrEqualTo(1);
    reports.postWeekly();
    List<JsonObject> posted =
        awaitCalls("chat.postMessage", "\"channel\":\"" + channel + "\"", 2).stream()
            .filter(m -> m.toString().contains("Weekly status report"))
            .toList();
    assertThat(posted).hasSize(1);
    // The update itself was posted to the initiative's channel too, once.
    assertThat(matching("chat.postMessage", "Status of " + name)).hasSize(1);
    String report = posted.get(0).toString();
    assertThat(report)
        .contains("Weekly status report")
        .contains(name)
        .contains("Off track")
        .contains("Contract unsigned")
        .contains("Call their CEO")
        .doesNotContain("Reported ignored");
    assertThat(scalar("SELECT count(*) FROM status_report WHERE channel = '" + channel + "'"))
        .isEqualTo(1);

    // CXO digest: turned red and the ask need the CXO; team signal counts red.
    DigestRequest request =
        new DigestRequest(
            "U0CXO",
            false,
            Instant.now().plusSeconds(1),
            start.minus(Duration.ofMinutes(5)),
            ZoneOffset.UTC);
    List<DigestItem> items = digest.items(request);
    assertThat(items)
        .anySatisfy(
            i -> {
              assertThat(i.key()).isEqualTo("status:red:" + id);
              assertThat(i.section()).isEqualTo(DigestSection.NEEDS_YOU);
              assertThat(i.button().value()).startsWith("U0REPORTER|");
            });
    assertThat(items)
        .anySatisfy(
            i -> {
              assertThat(i.key()).isEqualTo("status:ask:" + updateId);
              assertThat(i.section()).isEqualTo(DigestSection.NEEDS_YOU);
              assertThat(i.text()).contains("Call their CEO");
            });
    assertThat(items).allSatisfy(i -> assertThat(i.text().length()).isLessThanOrEqualTo(300));
    List<TeamSignal> signals = digest.teamSignals(request);
    assertThat(signals)
        .anySatisfy(
            s -> {
              assertThat(s.team()).isEqualTo(team);
              assertThat(s.summary()).isEqualTo("1 red, 0 amber");
              assertThat(s.weight()).isEqualTo(25);
            });
    // Another reader does not get someone else's ask.
    assertThat(
            digest.items(
                new DigestRequest("U0ADMIN", true, request.now(), request.since(), ZoneOffset.UTC)))
        .noneMatch(i -> i.key().equals("status:ask:" + updateId));

    // Home: the owner sees the initiative, its last status and when the next update is due.
    home.publish("U0REPORTER", "Ev-status-reports-1");
    String view = awaitCalls("views.publish", name, 1).get(0).toString();
    assertThat(view).contains("Your initiatives").contains("Blocked on legal").contains("next due");
    home.publish("U0ADMIN", "Ev-status-reports-2");
    assertThat(awaitCalls("views.publish", "Portfolio", 1)).isNotEmpty();
  }
}
