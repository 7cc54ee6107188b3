package dev.cosbot.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * WireMock playing the Slack Web API for every Quarkus test: the app's SLACK_API_URL points here,
 * and tests assert on what was sent. {@link #resetToDefaults(WireMockServer)} restores the friendly
 * default answers.
 */
public class SlackApiTestResource implements QuarkusTestResourceLifecycleManager {
  public static final String BOT_TOKEN = "xoxb-test-token-not-real";
  public static final String SIGNING_SECRET = "test-signing-secret";

  private WireMockServer server;

  @Override
  public Map<String, String> start() {
    server = newServer();
    return Map.of(
        "cosbot.slack.api-url", server.baseUrl() + "/api/",
        "cosbot.slack.bot-token", BOT_TOKEN,
        "cosbot.slack.signing-secret", SIGNING_SECRET);
  }

  /** A started WireMock that answers like Slack, including history of what was posted to it. */
  public static WireMockServer newServer() {
    SlackHistory history = new SlackHistory();
    WireMockServer server =
        new WireMockServer(
            wireMockConfig()
                .dynamicPort()
                .jettyAcceptors(1)
                .containerThreads(30)
                .globalTemplating(true)
                .extensions(history));
    history.attach(server);
    server.start();
    resetToDefaults(server);
    return server;
  }

  /** Default Slack answers: every write succeeds with a fresh ts; auth.test names the bot. */
  public static void resetToDefaults(WireMockServer server) {
    server.resetAll();
    server.stubFor(
        any(urlPathMatching("/api/.*")).atPriority(100).willReturn(okJson(canned("ok"))));
    server.stubFor(
        post(urlPathEqualTo("/api/auth.test"))
            .atPriority(10)
            .willReturn(okJson(canned("auth.test"))));
    server.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .atPriority(10)
            .willReturn(okJson(canned("chat.postMessage"))));
    server.stubFor(
        post(urlPathEqualTo("/api/chat.update"))
            .atPriority(10)
            .willReturn(okJson(canned("chat.update"))));
    server.stubFor(
        post(urlPathEqualTo("/api/chat.postEphemeral"))
            .atPriority(10)
            .willReturn(okJson(canned("chat.postEphemeral"))));
    server.stubFor(
        post(urlPathEqualTo("/api/views.open"))
            .atPriority(10)
            .willReturn(okJson(canned("views.open"))));
    // Channels are public unless a test says otherwise (private-channel cadences check this).
    server.stubFor(
        post(urlPathEqualTo("/api/conversations.info"))
            .atPriority(50)
            .willReturn(okJson(canned("conversations.info"))));
    for (String method :
        new String[] {"conversations.history", "conversations.replies", "conversations.open"}) {
      server.stubFor(
          post(urlPathEqualTo("/api/" + method))
              .atPriority(10)
              .willReturn(aResponse().withTransformers(SlackHistory.NAME)));
    }
    // The workspace's directory, two pages (read once at a first start, and by the nightly sync).
    server.stubFor(
        post(urlPathEqualTo("/api/users.list"))
            .atPriority(45)
            .willReturn(
                okJson(
                    "{\"ok\":true,\"members\":["
                        + userJson("U0FILLA", "Ada Fill", "Ada Fillmore", "Europe/London")
                        + "],\"response_metadata\":{\"next_cursor\":\"page2\"}}")));
    server.stubFor(
        post(urlPathEqualTo("/api/users.list"))
            .atPriority(40)
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("cursor=page2"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"members\":["
                        + userJson("U0FILLB", "Dana Fill", "Dana Fillmore", "Europe/Berlin")
                        + "],\"response_metadata\":{\"next_cursor\":\"\"}}")));
    server.stubFor(
        post(urlPathEqualTo("/api/users.info"))
            .atPriority(50)
            .willReturn(okJson(canned("users.info.user_not_found"))));
  }

  private static final Map<String, String> CANNED = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A canned Slack answer from {@code src/test/resources/slack/api/NAME.json} (WireMock response
   * templates allowed), read once.
   */
  public static String canned(String name) {
    return CANNED.computeIfAbsent(
        name,
        n -> {
          try (var in =
              SlackApiTestResource.class.getResourceAsStream("/slack/api/" + n + ".json")) {
            if (in == null) {
              throw new IllegalArgumentException("no canned Slack answer slack/api/" + n + ".json");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  /** Slack's answer to a call it refuses: HTTP 200 with {@code ok:false} and the error code. */
  public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder slackError(
      String error) {
    return okJson("{\"ok\":false,\"error\":\"" + error + "\"}");
  }

  /** A chat.postMessage accepted in {@code channel} under {@code ts}. */
  public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder posted(
      String channel, String ts) {
    return okJson("{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\"}");
  }

  /** HTTP 429 with Retry-After and the {@code ratelimited} body, as Slack answers it. */
  public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder rateLimited(
      int retryAfterSeconds) {
    return aResponse()
        .withStatus(429)
        .withHeader("Retry-After", String.valueOf(retryAfterSeconds))
        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}");
  }

  /** Calls of {@code method} whose body contains {@code marker} get {@code answer}. */
  public static void answer(
      WireMockServer server,
      String method,
      String marker,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
    answerInTurn(server, method, marker, answer);
  }

  /**
   * Calls of {@code method} whose body contains {@code marker} get {@code answers} one after the
   * other; the last one stays.
   */
  public static void answerInTurn(
      WireMockServer server,
      String method,
      String marker,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
    for (int i = 0; i < answers.length; i++) {
      var stub =
          post(urlPathEqualTo("/api/" + method))
              .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(marker))
              .atPriority(1)
              .inScenario(marker)
              .whenScenarioStateIs(
                  i == 0 ? com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED : "answer" + i)
              .willReturn(answers[i]);
      server.stubFor(i == answers.length - 1 ? stub : stub.willSetStateTo("answer" + (i + 1)));
    }
  }

  /**
   * Makes Slack know a person: {@code users.info} for {@code id} answers with these names and time
   * zone (the only way a {@link FreshStart} test tells the bot who someone is).
   */
  public static void knowsUser(
      WireMockServer server, String id, String displayName, String realName, String timeZone) {
    server.stubFor(
        post(urlPathEqualTo("/api/users.info"))
            .atPriority(5)
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("user=" + id))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"user\":"
                        + userJson(id, displayName, realName, timeZone)
                        + "}")));
  }

  /** A Slack user object as users.info and users.list return it. */
  public static String userJson(String id, String displayName, String realName, String timeZone) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + id.toLowerCase()
        + "\",\"deleted\":false,\"is_bot\":false,\"real_name\":\""
        + realName
        + "\",\"tz\":\""
        + timeZone
        + "\",\"profile\":{\"display_name\":\""
        + displayName
        + "\",\"real_name\":\""
        + realName
        + "\"}}";
  }

  public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(
      String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body);
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(
        server,
        new TestInjector.AnnotatedAndMatchesType(InjectSlackApi.class, WireMockServer.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
