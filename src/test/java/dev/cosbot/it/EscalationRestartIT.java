package dev.cosbot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cosbot.escalation.EscalationRequests;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The S1 climb lives in Quartz: a restart right after one step neither repeats it nor loses the
 * next one, which fell due while no process ran. Real processes, a real (short) acknowledgement
 * target.
 */
class EscalationRestartIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void climbStepsSurviveRestartsAndHappenOnce() throws Exception {
    Path dataDir = Path.of("target", "it-data", "escalation-" + UUID.randomUUID());
    Files.createDirectories(dataDir);
    try (ItSlack slack = new ItSlack()) {
      Map<String, String> env = slack.env();
      env.put("COSBOT_DATA_DIR", dataDir.toString());
      env.put("COSBOT_ADMINS", "U0FOUNDER");
      env.put("COSBOT_ESCALATION_S1_ACK", "PT5S");

      String title = "Checkout down " + UUID.randomUUID().toString().substring(0, 6);
      SlackApiTestResource.knowsUser(slack.server, "U0OWNER", "owner", "Owen Owner", "UTC");
      SlackApiTestResource.knowsUser(slack.server, "U0BACKUP", "backup", "Bea Backup", "UTC");
      AppProcess first = new AppProcess("escalation-1", env).start();
      try {
        assertThat(
                ItSlack.text(
                    slack.cos(
                        first,
                        "U0FOUNDER",
                        "route add area Payments owner <@U0OWNER|owner> channel <#C0PAY|pay> backup <@U0BACKUP|backup>")))
            .contains("Added rule");
        assertThat(
                post(
                        first,
                        EscalationRequests.raiseSubmissionBody(
                            "U0REPORTER", title, "S1", "Payments"))
                    .statusCode())
            .isEqualTo(200);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> posts(slack, title).stream().anyMatch(b -> "C0PAY".equals(channel(b))));
        // Nobody acknowledges: after 5 s it climbs to the backup.
        await().atMost(Duration.ofSeconds(30)).until(() -> climbDms(slack, "U0BACKUP") == 1);
      } finally {
        first.stop(); // right after step 1; step 2 falls due while nothing runs
      }

      AppProcess second = new AppProcess("escalation-2", env).start();
      try {
        // Step 2 was due while the app was down: it is not lost ...
        await().atMost(Duration.ofSeconds(40)).until(() -> climbDms(slack, "U0FOUNDER") == 1);
        HttpResponse<String> list = get(second, "/api/v1/escalations?area=Payments");
        long id =
            JsonParser.parseString(list.body())
                .getAsJsonArray()
                .get(0)
                .getAsJsonObject()
                .get("id")
                .getAsLong();
        JsonObject detail =
            JsonParser.parseString(get(second, "/api/v1/escalations/" + id).body())
                .getAsJsonObject();
        assertThat(detail.getAsJsonArray("steps")).hasSize(2);
        long climbs =
            detail.getAsJsonArray("audit").asList().stream()
                .filter(a -> "CLIMBED".equals(a.getAsJsonObject().get("action").getAsString()))
                .count();
        assertThat(climbs).isEqualTo(2);
        // ... and step 1 was not repeated by the restart that followed it.
        assertThat(climbDms(slack, "U0BACKUP")).isEqualTo(1);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> threadReplies(slack, "escalated to the Chiefs of Staff") == 1);
        assertThat(threadReplies(slack, "escalated to the backup")).isEqualTo(1);
      } finally {
        second.stop();
      }
    }
  }

  private static String channel(JsonObject body) {
    return body.has("channel") ? body.get("channel").getAsString() : null;
  }

  private static List<JsonObject> allPosts(ItSlack slack) {
    return slack.server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/chat.postMessage"))
        .map(ServeEvent::getRequest)
        .filter(r -> r.getBodyAsString().trim().startsWith("{"))
        .map(r -> JsonParser.parseString(r.getBodyAsString()).getAsJsonObject())
        .toList();
  }

  private static List<JsonObject> posts(ItSlack slack, String containing) {
    return allPosts(slack).stream().filter(b -> b.toString().contains(containing)).toList();
  }

  private static long climbDms(ItSlack slack, String user) {
    return allPosts(slack).stream()
        .filter(b -> user.equals(channel(b)) && b.toString().contains("Escalated to you"))
        .count();
  }

  private static long threadReplies(ItSlack slack, String text) {
    return allPosts(slack).stream()
        .filter(b -> b.has("thread_ts") && b.toString().contains(text))
        .count();
  }

  private HttpResponse<String> post(AppProcess app, String body) throws Exception {
    long ts = Instant.now().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(app.baseUrl() + "/slack/events"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", String.valueOf(ts))
            .header(
                "X-Slack-Signature",
                SlackRequests.signature(SlackApiTestResource.SIGNING_SECRET, ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(AppProcess app, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
            .header("Authorization", "Bearer it-api-token")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
