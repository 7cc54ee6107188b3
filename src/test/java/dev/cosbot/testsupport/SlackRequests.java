package dev.cosbot.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends requests to /slack/events exactly as Slack does: the real body formats, signed with {@code
 * v0} HMAC-SHA256 over {@code v0:timestamp:body}.
 */
public final class SlackRequests {
  public static final String TEAM = "T0ACME";
  public static final String APP = "A0COSBOT";

  private SlackRequests() {}

  public static String signature(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Posts a body signed now with the test signing secret. */
  public static Response signed(String body, String contentType) {
    return signedAt(
        body, contentType, Instant.now().getEpochSecond(), SlackApiTestResource.SIGNING_SECRET);
  }

  public static Response signedAt(String body, String contentType, long timestamp, String secret) {
    return given()
        .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
        .header("X-Slack-Signature", signature(secret, timestamp, body))
        .contentType(contentType)
        .body(body)
        .when()
        .post("/slack/events");
  }

  /** The form body of a slash command invocation. */
  public static String commandBody(String userId, String command, String text) {
    return form(
        "token",
        "legacy-verification-token",
        "team_id",
        TEAM,
        "team_domain",
        "acme",
        "channel_id",
        "C0GENERAL",
        "channel_name",
        "general",
        "user_id",
        userId,
        "user_name",
        userId.toLowerCase(),
        "command",
        command,
        "text",
        text,
        "api_app_id",
        APP,
        "is_enterprise_install",
        "false",
        "response_url",
        "https://hooks.slack.com/commands/T0ACME/1/abc",
        "trigger_id",
        "trigger-" + UUID.randomUUID());
  }

  public static Response command(String userId, String command, String text) {
    return signed(commandBody(userId, command, text), "application/x-www-form-urlencoded");
  }

  /** /cos with the given text. */
  public static Response cos(String userId, String text) {
    return command(userId, "/cos", text);
  }

  /** An Events API envelope around {@code eventJson}. */
  public static String eventBody(String eventId, String eventJson) {
    return "{\"token\":\"legacy\",\"team_id\":\""
        + TEAM
        + "\",\"api_app_id\":\""
        + APP
        + "\","
        + "\"event\":"
        + eventJson
        + ",\"type\":\"event_callback\",\"event_id\":\""
        + eventId
        + "\","
        + "\"event_time\":"
        + Instant.now().getEpochSecond()
        + ","
        + "\"authorizations\":[{\"team_id\":\""
        + TEAM
        + "\",\"user_id\":\"UBOT\",\"is_bot\":true}],"
        + "\"is_ext_shared_channel\":false}";
  }

  public static Response event(String eventId, String eventJson, Integer retryNum) {
    String body = eventBody(eventId, eventJson);
    long ts = Instant.now().getEpochSecond();
    var request =
        given()
            .header("X-Slack-Request-Timestamp", String.valueOf(ts))
            .header("X-Slack-Signature", signature(SlackApiTestResource.SIGNING_SECRET, ts, body))
            .contentType("application/json")
            .body(body);
    if (retryNum != null) {
      request =
          request
              .header("X-Slack-Retry-Num", String.valueOf(retryNum))
              .header("X-Slack-Retry-Reason", "http_timeout");
    }
    return request.when().post("/slack/events");
  }

  /** An interactivity request: form field {@code payload} holding the JSON. */
  public static Response interaction(String payloadJson) {
    return signed(form("payload", payloadJson), "application/x-www-form-urlencoded");
  }

  /** A block_actions payload for a button click. */
  private static final java.util.concurrent.atomic.AtomicLong ACTION_TS =
      new java.util.concurrent.atomic.AtomicLong(1_700_000_001_000_000L);

  /** Every click has its own action_ts, as in Slack. */
  private static String nextActionTs() {
    long micros = ACTION_TS.incrementAndGet();
    return String.format(java.util.Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
  }

  public static String blockAction(String userId, String actionId, String value, String blockId) {
    return "{\"type\":\"block_actions\",\"user\":{\"id\":\""
        + userId
        + "\",\"username\":\""
        + userId.toLowerCase()
        + "\",\"team_id\":\""
        + TEAM
        + "\"},\"api_app_id\":\""
        + APP
        + "\",\"token\":\"legacy\","
        + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\",\"channel_id\":\"D0DM\",\"is_ephemeral\":false},"
        + "\"trigger_id\":\"trigger-"
        + UUID.randomUUID()
        + "\",\"team\":{\"id\":\""
        + TEAM
        + "\",\"domain\":\"acme\"},"
        + "\"channel\":{\"id\":\"D0DM\",\"name\":\"directmessage\"},"
        + "\"message\":{\"type\":\"message\",\"ts\":\"1700000000.000100\",\"text\":\"message\"},"
        + "\"response_url\":\"https://hooks.slack.com/actions/T0ACME/1/abc\","
        + "\"actions\":[{\"action_id\":\""
        + actionId
        + "\",\"block_id\":\""
        + blockId
        + "\",\"value\":"
        + jsonString(value)
        + ",\"type\":\"button\",\"action_ts\":\""
        + nextActionTs()
        + "\",\"text\":{\"type\":\"plain_text\",\"text\":\"Go\"}}]}";
  }

  /**
   * A block action on a message Slack shows in {@code channelId} at {@code messageTs}, with the
   * message as Slack sends it back ({@code messageJson}: its {@code text} and {@code blocks}).
   */
  public static String blockActionOn(
      String userId,
      String actionId,
      String value,
      String blockId,
      String channelId,
      String messageTs,
      String messageJson) {
    com.google.gson.JsonObject payload =
        com.google.gson.JsonParser.parseString(blockAction(userId, actionId, value, blockId))
            .getAsJsonObject();
    com.google.gson.JsonObject container = payload.getAsJsonObject("container");
    container.addProperty("channel_id", channelId);
    container.addProperty("message_ts", messageTs);
    payload.getAsJsonObject("channel").addProperty("id", channelId);
    com.google.gson.JsonObject message =
        com.google.gson.JsonParser.parseString(messageJson).getAsJsonObject();
    message.addProperty("type", "message");
    message.addProperty("ts", messageTs);
    payload.add("message", message);
    return payload.toString();
  }

  /** A view_submission payload; {@code valuesJson} is the {@code state.values} object. */
  public static String viewSubmission(
      String userId, String callbackId, String privateMetadata, String valuesJson) {
    return "{\"type\":\"view_submission\",\"team\":{\"id\":\""
        + TEAM
        + "\",\"domain\":\"acme\"},"
        + "\"user\":{\"id\":\""
        + userId
        + "\",\"username\":\""
        + userId.toLowerCase()
        + "\",\"team_id\":\""
        + TEAM
        + "\"},"
        + "\"api_app_id\":\""
        + APP
        + "\",\"token\":\"legacy\",\"trigger_id\":\"trigger-"
        + UUID.randomUUID()
        + "\","
        + "\"view\":{\"id\":\"V0MODAL\",\"team_id\":\""
        + TEAM
        + "\",\"type\":\"modal\",\"callback_id\":\""
        + callbackId
        + "\","
        + "\"private_metadata\":"
        + jsonString(privateMetadata)
        + ",\"state\":{\"values\":"
        + valuesJson
        + "},"
        + "\"hash\":\"1700000000.abc\",\"title\":{\"type\":\"plain_text\",\"text\":\"cos-bot\"},\"blocks\":[]},"
        + "\"response_urls\":[],\"is_enterprise_install\":false}";
  }

  /** A message shortcut payload. */
  public static String messageShortcut(
      String userId, String callbackId, String channelId, String messageTs, String text) {
    return "{\"type\":\"message_action\",\"callback_id\":\""
        + callbackId
        + "\",\"trigger_id\":\"trigger-"
        + UUID.randomUUID()
        + "\","
        + "\"message_ts\":\""
        + messageTs
        + "\",\"response_url\":\"https://hooks.slack.com/app/T0ACME/1/abc\","
        + "\"team\":{\"id\":\""
        + TEAM
        + "\",\"domain\":\"acme\"},\"channel\":{\"id\":\""
        + channelId
        + "\",\"name\":\"general\"},"
        + "\"user\":{\"id\":\""
        + userId
        + "\",\"name\":\""
        + userId.toLowerCase()
        + "\"},\"token\":\"legacy\","
        + "\"message\":{\"type\":\"message\",\"user\":\"U0AUTHOR\",\"ts\":\""
        + messageTs
        + "\",\"text\":"
        + jsonString(text)
        + "}}";
  }

  public static String jsonString(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  public static String form(String... pairs) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(
              URLEncoder.encode(pairs[i + 1] == null ? "" : pairs[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }
}
