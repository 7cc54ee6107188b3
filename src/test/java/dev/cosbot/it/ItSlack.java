package dev.cosbot.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** WireMock as Slack for process tests, and signed requests to a running process. */
final class ItSlack implements AutoCloseable {
  final WireMockServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  ItSlack() {
    server = SlackApiTestResource.newServer();
  }

  /** The environment a process needs to talk to this Slack. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", SlackApiTestResource.BOT_TOKEN);
    env.put("SLACK_SIGNING_SECRET", SlackApiTestResource.SIGNING_SECRET);
    env.put("SLACK_API_URL", server.baseUrl() + "/api/");
    env.put("COSBOT_API_TOKEN", "it-api-token");
    return env;
  }

  HttpResponse<String> cos(AppProcess app, String userId, String text) throws Exception {
    String body = SlackRequests.commandBody(userId, "/cos", text);
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

  /** An Events API callback, signed now; {@code retryNum} adds Slack's retry headers. */
  HttpResponse<String> event(AppProcess app, String eventId, String eventJson, Integer retryNum)
      throws Exception {
    return signedPost(
        app, SlackRequests.eventBody(eventId, eventJson), "application/json", retryNum);
  }

  /** A /cos command, signed now. */
  HttpResponse<String> signedPost(AppProcess app, String body, String contentType, Integer retryNum)
      throws Exception {
    long ts = Instant.now().getEpochSecond();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(app.baseUrl() + "/slack/events"))
            .timeout(java.time.Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", String.valueOf(ts))
            .header(
                "X-Slack-Signature",
                SlackRequests.signature(SlackApiTestResource.SIGNING_SECRET, ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (retryNum != null) {
      request
          .header("X-Slack-Retry-Num", String.valueOf(retryNum))
          .header("X-Slack-Retry-Reason", "http_timeout");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The text of a slash command's JSON answer. */
  static String text(HttpResponse<String> response) {
    return com.google.gson.JsonParser.parseString(response.body())
        .getAsJsonObject()
        .get("text")
        .getAsString();
  }

  @Override
  public void close() {
    server.stop();
  }
}
