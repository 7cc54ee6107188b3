package dev.cosbot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cosbot.platform.db.EmbeddedDatabase;
import dev.cosbot.testsupport.SlackApiTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database: a Quartz trigger fires once per firing, every outbox row is sent
 * once.
 */
class TwoInstancesIT {
  private static EmbeddedDatabase database;
  private static ItSlack slack;
  private static AppProcess a;
  private static AppProcess b;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    database = EmbeddedDatabase.startEphemeral();
    slack = new ItSlack();
    slack.server.stubFor(
        post(urlPathEqualTo("/api/users.list"))
            .atPriority(5)
            .willReturn(
                SlackApiTestResource.okJson(
                    "{\"ok\":true,\"members\":[{\"id\":\"U0SYNCED\",\"name\":\"synced\",\"tz\":\"Europe/Berlin\","
                        + "\"profile\":{\"display_name\":\"Synced\",\"real_name\":\"Synced Person\"}}],\"response_metadata\":{\"next_cursor\":\"\"}}")));
    Map<String, String> env = new HashMap<>(slack.env());
    env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
    env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
    env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
    env.put("COSBOT_ADMINS", "U0FOUNDER");
    env.put("COSBOT_PEOPLE_SYNC_CRON", "0/2 * * * * ?");
    a = new AppProcess("two-a", env).start();
    b = new AppProcess("two-b", env).start();
  }

  @AfterAll
  static void stopAll() throws Exception {
    if (a != null) a.stop();
    if (b != null) b.stop();
    if (slack != null) slack.close();
    if (database != null) database.close();
  }

  @Test
  void aQuartzTriggerFiresOnceAcrossBothInstances() throws Exception {
    // The trigger fires every 2 s; the firings right after the second instance joined are the risky
    // ones.
    await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> fireTimes().stream().distinct().count() >= 5);
    // Let a firing in progress finish and log.
    await()
        .during(Duration.ofMillis(800))
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> usersListCalls() >= fireTimes().size());
    List<String> fireTimes = fireTimes();
    Map<String, Long> perFireTime =
        fireTimes.stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    assertThat(perFireTime).as("firings seen in both logs").hasSizeGreaterThanOrEqualTo(5);
    assertThat(perFireTime)
        .as("each scheduled firing ran on exactly one instance")
        .allSatisfy((time, n) -> assertThat(n).as(time).isEqualTo(1));
  }

  private static List<String> fireTimes() throws java.io.IOException {
    Pattern fired = Pattern.compile("People sync \\(scheduled for ([^)]+)\\)");
    List<String> fireTimes = new java.util.ArrayList<>();
    for (AppProcess app : List.of(a, b)) {
      Matcher m = fired.matcher(app.log());
      while (m.find()) {
        fireTimes.add(m.group(1));
      }
    }
    return fireTimes;
  }

  private static long usersListCalls() {
    return slack.server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/users.list"))
        .count();
  }

  @Test
  void twoHundredOutboxRowsAreEachSentExactlyOnce() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO outbox_message (idempotency_key, method, channel, payload, status, attempts, next_attempt_at, created_at)"
                    + " VALUES (?, 'chat.postMessage', ?, ?, 'PENDING', 0, now(), now())")) {
      for (int i = 0; i < 200; i++) {
        String channel = "C0FAN" + (i % 20);
        ps.setString(1, "it:" + run + ":" + i);
        ps.setString(2, channel);
        ps.setString(
            3, "{\"channel\":\"" + channel + "\",\"text\":\"fan " + run + " #" + i + "#\"}");
        ps.addBatch();
      }
      ps.executeBatch();
    }
    await().atMost(Duration.ofSeconds(90)).until(() -> sentTexts(run).size() >= 200);
    // Give a late duplicate time to arrive before counting.
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(6))
        .until(() -> sentTexts(run).size() >= 200);
    List<String> texts = sentTexts(run);
    assertThat(texts).hasSize(200);
    assertThat(texts).doesNotHaveDuplicates();
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*), count(DISTINCT claimed_by) FROM outbox_message WHERE idempotency_key LIKE 'it:"
                        + run
                        + ":%' AND status = 'SENT'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(200);
      assertThat(rs.getInt(2)).as("both instances delivered part of the fan-out").isEqualTo(2);
    }
  }

  @Test
  void aSlackEventRetriedToBothInstancesIsProcessedOnce() throws Exception {
    String user =
        "U0RETRY" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace("-", "");
    String eventId =
        "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    String event =
        "{\"type\":\"app_home_opened\",\"user\":\""
            + user
            + "\",\"channel\":\"D0HOME\",\"tab\":\"home\","
            + "\"event_ts\":\"1700000000.000100\"}";
    // Slack's first delivery and its three retries, spread over both instances, the first two at
    // the same time.
    List<java.util.concurrent.CompletableFuture<Integer>> first =
        List.of(
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> status(a, eventId, event, null)),
            java.util.concurrent.CompletableFuture.supplyAsync(() -> status(b, eventId, event, 1)));
    List<Integer> statuses =
        new java.util.ArrayList<>(
            first.stream().map(java.util.concurrent.CompletableFuture::join).toList());
    statuses.add(status(a, eventId, event, 2));
    statuses.add(status(b, eventId, event, 3));
    assertThat(statuses).as("every delivery is acknowledged").containsOnly(200);

    await().atMost(Duration.ofSeconds(20)).until(() -> homePublishes(user) >= 1);
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(4))
        .until(() -> homePublishes(user) >= 1);
    assertThat(homePublishes(user))
        .as("the handler ran once for four deliveries on two instances")
        .isEqualTo(1);
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM slack_event_receipt WHERE event_id = '"
                        + eventId
                        + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  private static int status(AppProcess app, String eventId, String event, Integer retry) {
    try {
      return slack.event(app, eventId, event, retry).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long homePublishes(String user) {
    return slack.server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/views.publish"))
        .filter(e -> e.getRequest().getBodyAsString().contains("\"" + user + "\""))
        .count();
  }

  private static List<String> sentTexts(String run) {
    Pattern p = Pattern.compile("fan " + run + " #(\\d+)#");
    return slack.server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/chat.postMessage"))
        .filter(e -> e.getResponse().getStatus() == 200)
        .map(ServeEvent::getRequest)
        .map(r -> p.matcher(r.getBodyAsString()))
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .toList();
  }
}
