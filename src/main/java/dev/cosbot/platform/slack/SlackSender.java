package dev.cosbot.platform.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Performs one Web API call with a JSON body and classifies Slack's answer. Knows nothing about
 * retries or the database.
 */
@ApplicationScoped
public class SlackSender {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** Errors that no retry can fix. */
  static final Set<String> PERMANENT =
      Set.of(
          "channel_not_found",
          "not_in_channel",
          "is_archived",
          "user_not_found",
          "users_not_found",
          "account_inactive",
          "invalid_blocks",
          "invalid_blocks_format",
          "msg_too_long",
          "no_text",
          "too_many_attachments",
          "restricted_action",
          "cant_update_message",
          "message_not_found",
          "edit_window_closed",
          "invalid_arguments",
          "invalid_auth",
          "not_authed",
          "token_revoked",
          "token_expired",
          "missing_scope",
          "not_allowed_token_type",
          "user_not_in_channel",
          "cannot_dm_bot",
          "invalid_arg_name",
          "invalid_array_arg",
          "invalid_charset",
          "invalid_form_data",
          "invalid_post_type",
          "missing_post_type",
          "method_deprecated",
          "deprecated_endpoint",
          "two_factor_setup_required",
          "ekm_access_denied",
          "view_too_large",
          "duplicate_external_id",
          "not_found",
          "user_is_restricted");

  /** Errors Slack reports in a 200 answer that are worth another try. */
  static final Set<String> TRANSIENT =
      Set.of(
          "internal_error",
          "fatal_error",
          "service_unavailable",
          "request_timeout",
          "team_added_to_org");

  @Inject SlackSettings settings;

  /** Timeout of one Web API call (the outbox's setting: {@code cosbot.outbox.call-timeout}). */
  @ConfigProperty(name = "cosbot.outbox.call-timeout", defaultValue = "PT10S")
  Duration callTimeout;

  private OkHttpClient http;

  @PostConstruct
  void init() {
    Duration timeout = callTimeout;
    http =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout.plusSeconds(5))
            .retryOnConnectionFailure(false)
            .build();
  }

  public SendOutcome send(String method, String jsonBody) {
    Request request =
        new Request.Builder()
            .url(settings.apiBaseUrl() + method)
            .header("Authorization", "Bearer " + settings.botToken().orElse(""))
            .post(RequestBody.create(jsonBody, JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() == 429) {
        return new SendOutcome.RateLimited(retryAfter(response.header("Retry-After")));
      }
      if (response.code() >= 500) {
        return new SendOutcome.Transient("http_" + response.code(), true);
      }
      String body = response.body() == null ? "" : response.body().string();
      if (response.code() >= 400) {
        return new SendOutcome.Permanent("http_" + response.code());
      }
      JsonObject json;
      try {
        json = JsonParser.parseString(body).getAsJsonObject();
      } catch (RuntimeException e) {
        return new SendOutcome.Transient("unreadable_response", true);
      }
      if (json.has("ok") && json.get("ok").getAsBoolean()) {
        return new SendOutcome.Delivered(text(json, "channel"), text(json, "ts"));
      }
      String error = json.has("error") ? json.get("error").getAsString() : "unknown_error";
      if ("ratelimited".equals(error)) {
        return new SendOutcome.RateLimited(retryAfter(response.header("Retry-After")));
      }
      if (TRANSIENT.contains(error)) {
        return new SendOutcome.Transient(error, true);
      }
      if (PERMANENT.contains(error)) {
        return new SendOutcome.Permanent(error);
      }
      // An error we do not know: Slack documents method errors as permanent unless said otherwise.
      return new SendOutcome.Permanent(error);
    } catch (IOException e) {
      // Refused or unresolvable connections never reached Slack; anything later (a read timeout, a
      // reset after the request went out) may have.
      boolean neverSent =
          e instanceof java.net.ConnectException
              || e instanceof java.net.UnknownHostException
              || e instanceof java.net.NoRouteToHostException
              || (e instanceof java.net.SocketTimeoutException
                  && String.valueOf(e.getMessage()).contains("connect"));
      return new SendOutcome.Transient("io_" + e.getClass().getSimpleName(), !neverSent);
    }
  }

  /** What asking Slack about an interrupted delivery found out. */
  public record Lookup(boolean answered, SendOutcome.Delivered found) {
    static final Lookup UNKNOWN = new Lookup(false, null);
    static final Lookup NOT_FOUND = new Lookup(true, null);
  }

  /**
   * Looks for a chat.postMessage that may already have reached Slack, by the delivery mark in its
   * metadata, in the channel (or thread) it was sent to since {@code since}.
   */
  public Lookup findDelivered(String jsonBody, String key, java.time.Instant since) {
    JsonObject body = JsonParser.parseString(jsonBody).getAsJsonObject();
    String channel = text(body, "channel");
    if (channel == null) {
      return Lookup.UNKNOWN;
    }
    try {
      if (channel.matches("[UW][A-Z0-9]+")) {
        JsonObject opened = form("conversations.open", "users", channel);
        if (opened == null || !opened.get("ok").getAsBoolean()) {
          return Lookup.UNKNOWN;
        }
        channel = opened.getAsJsonObject("channel").get("id").getAsString();
      }
      String mark = DeliveryMark.of(key);
      String oldest = String.valueOf(Math.max(0, since.getEpochSecond() - 60));
      String threadTs = text(body, "thread_ts");
      String cursor = null;
      for (int page = 0; page < 5; page++) {
        JsonObject history =
            threadTs == null
                ? form(
                    "conversations.history",
                    "channel",
                    channel,
                    "oldest",
                    oldest,
                    "limit",
                    "200",
                    "include_all_metadata",
                    "true",
                    "cursor",
                    cursor)
                : form(
                    "conversations.replies",
                    "channel",
                    channel,
                    "ts",
                    threadTs,
                    "oldest",
                    oldest,
                    "limit",
                    "200",
                    "include_all_metadata",
                    "true",
                    "cursor",
                    cursor);
        if (history == null || !history.has("ok") || !history.get("ok").getAsBoolean()) {
          return Lookup.UNKNOWN;
        }
        if (history.has("messages")) {
          for (JsonElement m : history.getAsJsonArray("messages")) {
            JsonObject message = m.getAsJsonObject();
            JsonObject metadata =
                message.has("metadata") ? message.getAsJsonObject("metadata") : null;
            if (metadata != null
                && DeliveryMark.EVENT.equals(text(metadata, "event_type"))
                && metadata.has("event_payload")
                && mark.equals(
                    text(metadata.getAsJsonObject("event_payload"), DeliveryMark.FIELD))) {
              return new Lookup(true, new SendOutcome.Delivered(channel, text(message, "ts")));
            }
          }
        }
        JsonObject meta =
            history.has("response_metadata") ? history.getAsJsonObject("response_metadata") : null;
        cursor = meta == null ? null : text(meta, "next_cursor");
        if (cursor == null || cursor.isBlank()) {
          return Lookup.NOT_FOUND;
        }
      }
      return Lookup.UNKNOWN;
    } catch (IOException | RuntimeException e) {
      return Lookup.UNKNOWN;
    }
  }

  /**
   * A form-encoded read call (Slack's read methods do not take JSON bodies); null on HTTP errors.
   */
  private JsonObject form(String method, String... pairs) throws IOException {
    okhttp3.FormBody.Builder form = new okhttp3.FormBody.Builder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        form.add(pairs[i], pairs[i + 1]);
      }
    }
    Request request =
        new Request.Builder()
            .url(settings.apiBaseUrl() + method)
            .header("Authorization", "Bearer " + settings.botToken().orElse(""))
            .post(form.build())
            .build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful() || response.body() == null) {
        return null;
      }
      return JsonParser.parseString(response.body().string()).getAsJsonObject();
    }
  }

  private static String text(JsonObject json, String field) {
    JsonElement value = json.get(field);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    return value.isJsonPrimitive() ? value.getAsString() : null;
  }

  public static Duration retryAfter(String header) {
    try {
      long seconds = Long.parseLong(header.trim());
      return Duration.ofSeconds(Math.max(1, Math.min(seconds, 3600)));
    } catch (RuntimeException e) {
      return Duration.ofSeconds(1);
    }
  }
}
