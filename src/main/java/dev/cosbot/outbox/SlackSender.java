package dev.cosbot.outbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cosbot.slack.SlackSettings;
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
          "channel_not_found", "not_in_channel", "is_archived", "user_not_found", "users_not_found",
          "account_inactive", "invalid_blocks", "invalid_blocks_format", "msg_too_long", "no_text",
          "too_many_attachments", "restricted_action", "cant_update_message", "message_not_found",
          "edit_window_closed", "invalid_arguments", "invalid_auth", "not_authed", "token_revoked",
          "token_expired", "missing_scope", "not_allowed_token_type", "user_not_in_channel",
          "cannot_dm_bot", "invalid_arg_name", "invalid_array_arg", "invalid_charset",
          "invalid_form_data", "invalid_post_type", "missing_post_type", "method_deprecated",
          "deprecated_endpoint", "two_factor_setup_required", "ekm_access_denied",
          "view_too_large", "duplicate_external_id", "not_found", "user_is_restricted");

  /** Errors Slack reports in a 200 answer that are worth another try. */
  static final Set<String> TRANSIENT =
      Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org");

  @Inject SlackSettings settings;
  @Inject OutboxSettings outboxSettings;

  private OkHttpClient http;

  @PostConstruct
  void init() {
    Duration timeout = outboxSettings.callTimeout();
    http =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout.plusSeconds(5))
            .retryOnConnectionFailure(false)
            .build();
  }

  SendOutcome send(String method, String jsonBody) {
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
        return new SendOutcome.Transient("http_" + response.code());
      }
      String body = response.body() == null ? "" : response.body().string();
      if (response.code() >= 400) {
        return new SendOutcome.Permanent("http_" + response.code());
      }
      JsonObject json;
      try {
        json = JsonParser.parseString(body).getAsJsonObject();
      } catch (RuntimeException e) {
        return new SendOutcome.Transient("unreadable_response");
      }
      if (json.has("ok") && json.get("ok").getAsBoolean()) {
        return new SendOutcome.Delivered(text(json, "channel"), text(json, "ts"));
      }
      String error = json.has("error") ? json.get("error").getAsString() : "unknown_error";
      if ("ratelimited".equals(error)) {
        return new SendOutcome.RateLimited(retryAfter(response.header("Retry-After")));
      }
      if (TRANSIENT.contains(error)) {
        return new SendOutcome.Transient(error);
      }
      if (PERMANENT.contains(error)) {
        return new SendOutcome.Permanent(error);
      }
      // An error we do not know: Slack documents method errors as permanent unless said otherwise.
      return new SendOutcome.Permanent(error);
    } catch (IOException e) {
      return new SendOutcome.Transient("io_" + e.getClass().getSimpleName());
    }
  }

  private static String text(JsonObject json, String field) {
    JsonElement value = json.get(field);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    return value.isJsonPrimitive() ? value.getAsString() : null;
  }

  static Duration retryAfter(String header) {
    try {
      long seconds = Long.parseLong(header.trim());
      return Duration.ofSeconds(Math.max(1, Math.min(seconds, 3600)));
    } catch (RuntimeException e) {
      return Duration.ofSeconds(1);
    }
  }
}
