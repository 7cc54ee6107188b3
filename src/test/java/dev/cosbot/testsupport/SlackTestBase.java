package dev.cosbot.testsupport;

import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base for tests that drive the app through Slack: waits for the outbox to drain from earlier
 * tests, resets WireMock to Slack's default answers, and checks Block Kit limits afterwards.
 */
public abstract class SlackTestBase {
  @InjectSlackApi protected WireMockServer slack;
  @Inject protected AgroalDataSource dataSource;

  @Inject
  @io.quarkus.cache.CacheName(dev.cosbot.platform.people.Roles.CACHE)
  io.quarkus.cache.Cache roleCache;

  /** The management interface (health, metrics, OpenAPI): a random port in tests. */
  @TestHTTPResource(value = "/", management = true)
  protected URL managementUrl;

  /** A request to the management port, e.g. {@code management().get("/q/metrics")}. */
  protected RequestSpecification management() {
    return RestAssured.given().port(managementUrl.getPort());
  }

  @BeforeEach
  void quietSlack() {
    try {
      awaitOutboxDrained();
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // A transient fault is retried for as long as the message is useful: a stub an earlier test
      // left failing (a 5xx, a revoked token) keeps its messages waiting until Slack is friendly.
      SlackApiTestResource.resetToDefaults(slack);
      awaitOutboxDrained();
    }
    SlackApiTestResource.resetToDefaults(slack);
    forgetRoles();
  }

  private void awaitOutboxDrained() {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                scalar(
                        "SELECT count(*) FROM outbox_message WHERE status IN ('PENDING','SENDING') AND next_attempt_at < now() + interval '5 seconds'")
                    == 0);
  }

  /** Tests that change roles with SQL (not through the app) must drop the cached role lookups. */
  protected void forgetRoles() {
    roleCache.invalidateAll().await().indefinitely();
  }

  @AfterEach
  void blockKitLimits(org.junit.jupiter.api.TestInfo test) {
    BlockKitLimits.assertAllCapturedCallsValid(slack);
    HumaneText.assertAllCapturedCallsHumane(
        slack,
        test.getTestClass().map(Class::getSimpleName).orElse("?")
            + "#"
            + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("?"));
  }

  /** Calls WireMock received for a Web API method, as JSON bodies (form bodies are ignored). */
  protected List<JsonObject> calls(String method) {
    return slack.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/" + method))
        .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
        .map(ServeEvent::getRequest)
        .filter(r -> r.getBodyAsString().trim().startsWith("{"))
        .map(r -> JsonParser.parseString(r.getBodyAsString()).getAsJsonObject())
        .toList();
  }

  /**
   * Waits until {@code count} calls of {@code method} matching {@code containing} were received.
   */
  protected List<JsonObject> awaitCalls(String method, String containing, int count) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> matching(method, containing).size() >= count);
    return matching(method, containing);
  }

  /**
   * Opens {@code user}'s Home tab through a signed {@code app_home_opened} event and returns the
   * view Slack received for it (the newest views.publish for that person).
   */
  protected JsonObject openHome(String user) {
    String marker = "\"user_id\":\"" + user + "\"";
    int before = matching("views.publish", marker).size();
    SlackRequests.event(
            "Ev" + java.util.UUID.randomUUID().toString().substring(0, 8),
            "{\"type\":\"app_home_opened\",\"user\":\""
                + user
                + "\",\"channel\":\"D"
                + user
                + "\",\"tab\":\"home\",\"event_ts\":\"1700000000.000100\"}",
            null)
        .then()
        .statusCode(200);
    List<JsonObject> published = awaitCalls("views.publish", marker, before + 1);
    com.google.gson.JsonElement view = published.get(published.size() - 1).get("view");
    return view.isJsonPrimitive()
        ? JsonParser.parseString(view.getAsString()).getAsJsonObject()
        : view.getAsJsonObject();
  }

  /** views.open calls as Slack received them (Bolt's client sends them form-encoded). */
  protected List<String> viewsOpened() {
    return slack.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/views.open"))
        .map(
            e ->
                java.net.URLDecoder.decode(
                    e.getRequest().getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8))
        .toList();
  }

  protected List<JsonObject> matching(String method, String containing) {
    return calls(method).stream()
        .filter(b -> containing == null || b.toString().contains(containing))
        .toList();
  }

  /** Waits until {@code sql} counts {@code expected} (work after an ack is asynchronous). */
  protected void awaitScalar(String sql, long expected) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .pollInterval(java.time.Duration.ofMillis(50))
        .until(() -> scalar(sql) == expected);
  }

  /** The outbox status of the message with this idempotency key, or "MISSING". */
  protected String outboxStatus(String key) throws Exception {
    try (Connection c = dataSource.getConnection();
        var ps =
            c.prepareStatement("SELECT status FROM outbox_message WHERE idempotency_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "MISSING";
      }
    }
  }

  /** Every call of {@code method} whose raw body contains {@code marker}, oldest first. */
  protected List<ServeEvent> served(String method, String marker) {
    return slack.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/" + method))
        .filter(e -> e.getRequest().getBodyAsString().contains(marker))
        .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
        .toList();
  }

  /**
   * Checks that {@code condition} holds for the whole of {@code period}: "nothing more happens",
   * polled, instead of a fixed sleep followed by one look.
   */
  protected static void holdsFor(
      Duration period, java.util.concurrent.Callable<Boolean> condition) {
    await().during(period).atMost(period.plusSeconds(5)).until(condition);
  }

  protected long scalar(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  protected void execute(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
    forgetRoles();
  }
}
