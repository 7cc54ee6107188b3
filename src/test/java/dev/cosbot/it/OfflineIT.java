package dev.cosbot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cosbot.platform.db.EmbeddedDatabase;
import dev.cosbot.testsupport.SlackApiTestResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without Slack credentials the bot starts, says it is offline, answers 503 and keeps messages
 * queued.
 */
class OfflineIT {

  @Test
  void offlineThenOnline() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral();
        ItSlack slack = new ItSlack()) {
      Map<String, String> env = new HashMap<>();
      env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
      env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
      env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");

      AppProcess offline = new AppProcess("offline", env).start();
      try {
        assertThat(offline.log()).contains("cos-bot is OFFLINE");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> events =
            http.send(
                HttpRequest.newBuilder(URI.create(offline.baseUrl() + "/slack/events"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(events.statusCode()).isEqualTo(503);
        // No COSBOT_API_TOKEN: the admin API answers 401 to everyone, whatever they send.
        HttpResponse<String> api =
            http.send(
                HttpRequest.newBuilder(URI.create(offline.baseUrl() + "/api/v1/outbox"))
                    .header("Authorization", "Bearer ")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);

        try (Connection c =
            DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres")) {
          c.createStatement()
              .execute(
                  "INSERT INTO outbox_message (idempotency_key, method, channel, payload, status, attempts,"
                      + " next_attempt_at, created_at) VALUES ('offline:1', 'chat.postMessage', 'C0QUEUE',"
                      + " '{\"channel\":\"C0QUEUE\",\"text\":\"queued while offline\"}', 'PENDING', 0, now(), now())");
        }
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .until(() -> status(database, "offline:1").equals("PENDING"));
      } finally {
        offline.stop();
      }

      env.putAll(slack.env());
      AppProcess online = new AppProcess("online", env).start();
      try {
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> "SENT".equals(status(database, "offline:1")));
        assertThat(
                slack.server.getAllServeEvents().stream()
                    .filter(e -> e.getRequest().getBodyAsString().contains("queued while offline"))
                    .count())
            .isEqualTo(1);
        assertThat(online.log())
            .doesNotContain(SlackApiTestResource.BOT_TOKEN)
            .doesNotContain(SlackApiTestResource.SIGNING_SECRET);
      } finally {
        online.stop();
      }
    }
  }

  private static String status(EmbeddedDatabase database, String key) throws Exception {
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT status FROM outbox_message WHERE idempotency_key = '" + key + "'")) {
      return rs.next() ? rs.getString(1) : "MISSING";
    }
  }
}
