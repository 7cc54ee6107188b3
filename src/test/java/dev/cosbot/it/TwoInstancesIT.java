package dev.cosbot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cosbot.db.EmbeddedDatabase;
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

/** Two instances on one database: a Quartz trigger fires once per firing, every outbox row is sent once. */
class TwoInstancesIT {
  private static EmbeddedDatabase database;
  private static ItSlack slack;
  private static AppProcess a;
  private static AppProcess b;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    database = EmbeddedDatabase.startEphemeral();
    slack = new ItSlack();
    slack.server.stubFor(post(urlPathEqualTo("/api/users.list")).atPriority(5)
        .willReturn(SlackApiTestResource.okJson("{\"ok\":true,\"members\":[{\"id\":\"U0SYNCED\",\"name\":\"synced\",\"tz\":\"Europe/Berlin\","
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
    Thread.sleep(12_000);
    Pattern fired = Pattern.compile("People sync \\(scheduled for ([^)]+)\\)");
    List<String> fireTimes = new java.util.ArrayList<>();
    for (AppProcess app : List.of(a, b)) {
      Matcher m = fired.matcher(app.log());
      while (m.find()) {
        fireTimes.add(m.group(1));
      }
    }
    Map<String, Long> perFireTime = fireTimes.stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    assertThat(perFireTime).as("firings seen in both logs").hasSizeGreaterThanOrEqualTo(3);
    assertThat(perFireTime.values()).as("each scheduled firing ran on exactly one instance").allMatch(n -> n == 1);
    long listCalls = slack.server.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().endsWith("/api/users.list")).count();
    assertThat(listCalls).isEqualTo(fireTimes.size());
  }

  @Test
  void twoHundredOutboxRowsAreEachSentExactlyOnce() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO outbox_message (idempotency_key, method, channel, payload, status, attempts, next_attempt_at, created_at)"
                + " VALUES (?, 'chat.postMessage', ?, ?, 'PENDING', 0, now(), now())")) {
      for (int i = 0; i < 200; i++) {
        String channel = "C0FAN" + (i % 20);
        ps.setString(1, "it:" + run + ":" + i);
        ps.setString(2, channel);
        ps.setString(3, "{\"channel\":\"" + channel + "\",\"text\":\"fan " + run + " #" + i + "#\"}");
        ps.addBatch();
      }
      ps.executeBatch();
    }
    await().atMost(Duration.ofSeconds(90)).until(() -> sentTexts(run).size() >= 200);
    Thread.sleep(2000);
    List<String> texts = sentTexts(run);
    assertThat(texts).hasSize(200);
    assertThat(texts).doesNotHaveDuplicates();
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        var rs = c.createStatement().executeQuery(
            "SELECT count(*), count(DISTINCT claimed_by) FROM outbox_message WHERE idempotency_key LIKE 'it:" + run + ":%' AND status = 'SENT'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(200);
      assertThat(rs.getInt(2)).as("both instances delivered part of the fan-out").isEqualTo(2);
    }
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
