package dev.cosbot.platform.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.util.http.SlackHttpClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jboss.logging.Logger;

/**
 * The one way cos-bot calls the Slack Web API — outbox sends, reads, the chart upload and Bolt's
 * own client: one HTTP client with timeouts, one retry policy, one classification of Slack's errors
 * ({@link SlackErrors}), and auth failures reported to the {@link SlackAuthGate}. Never called
 * while a database transaction is open.
 */
@ApplicationScoped
public class SlackClient {
  private static final Logger LOG = Logger.getLogger(SlackClient.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  @Inject SlackSettings settings;
  @Inject SlackClientSettings clientSettings;
  @Inject SlackAuthGate authGate;
  @Inject MeterRegistry registry;
  @Inject TransactionManager transactions;

  private OkHttpClient http;
  private Slack slack;
  private RetryPolicy policy;

  @PostConstruct
  void init() {
    Duration timeout = clientSettings.callTimeout();
    http =
        new OkHttpClient.Builder()
            .connectTimeout(clientSettings.connectTimeout())
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout.plusSeconds(5))
            // A retried POST could post twice: retries are decided here, never by OkHttp.
            .retryOnConnectionFailure(false)
            .build();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiBaseUrl());
    config.setPrettyResponseLoggingEnabled(false);
    config.setLibraryMaintainerMode(false);
    config.setFailOnUnknownProperties(false);
    SlackHttpClient boltHttp = new SlackHttpClient(http);
    boltHttp.setConfig(config);
    slack = Slack.getInstance(config, boltHttp);
    policy = new RetryPolicy(clientSettings.initialBackoff(), clientSettings.maxBackoff());
  }

  /** The Slack SDK instance on this client's HTTP connection pool and timeouts (for Bolt). */
  public Slack slack() {
    return slack;
  }

  /** The backoff rule every retry of a Slack call follows. */
  public RetryPolicy policy() {
    return policy;
  }

  /** True when a bot token is configured and not known to be broken. */
  public boolean usable() {
    return settings.canCallSlack() && !authGate.paused();
  }

  /** One call with a JSON body (chat.postMessage, chat.update, views.publish…), no retry. */
  public SlackResult call(String method, String jsonBody) {
    return execute(method, RequestBody.create(jsonBody, JSON));
  }

  /**
   * One form-encoded call (Slack's read methods), no retry; pairs with a null value are left out.
   */
  public SlackResult form(String method, String... pairs) {
    FormBody.Builder form = new FormBody.Builder();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        form.add(pairs[i], pairs[i + 1]);
      }
    }
    return execute(method, form.build());
  }

  /** The typed SDK call behind a read. */
  @FunctionalInterface
  public interface Read<T extends SlackApiTextResponse> {
    T call(MethodsClient client) throws IOException, SlackApiException;
  }

  /**
   * A read through the typed SDK (users.info, users.list, usergroups.users.list…) with the read
   * policy: Retry-After and transient failures are waited out while the wait fits in {@code
   * cosbot.slack-client.read-max-wait}; anything else gives an empty answer so the caller degrades
   * instead of failing a Slack request.
   */
  public <T extends SlackApiTextResponse> Optional<T> read(String method, Read<T> read) {
    return readOutcome(method, read).response();
  }

  /**
   * A read's answer, or Slack's error code when it answered with one ({@code user_not_found}…):
   * lets a caller tell "Slack says no" from "Slack did not answer" (error null, response empty).
   */
  public record ReadOutcome<T>(Optional<T> response, String error) {
    static <T> ReadOutcome<T> none() {
      return new ReadOutcome<>(Optional.empty(), null);
    }
  }

  /** {@link #read} with Slack's error code kept (see {@link ReadOutcome}). */
  public <T extends SlackApiTextResponse> ReadOutcome<T> readOutcome(String method, Read<T> read) {
    if (!settings.canCallSlack() || authGate.paused()) {
      return ReadOutcome.none();
    }
    guardTransaction(method);
    MethodsClient client = slack.methods(settings.botToken().get());
    long waited = 0;
    for (int attempt = 1; attempt <= clientSettings.readAttempts(); attempt++) {
      long start = System.nanoTime();
      SlackResult result;
      T response = null;
      try {
        response = read.call(client);
        result =
            response.isOk()
                ? new SlackResult.Ok(new JsonObject())
                : classify(String.valueOf(response.getError()), null, false);
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        result =
            status == 429
                ? new SlackResult.RateLimited(
                    RetryPolicy.retryAfter(e.getResponse().header("Retry-After")))
                : classify("http_" + status, null, false);
      } catch (IOException e) {
        result = new SlackResult.Transient(ioCode(e), false);
      }
      record(method, result, start);
      if (result instanceof SlackResult.Ok) {
        return new ReadOutcome<>(Optional.of(response), null);
      }
      if (result instanceof SlackResult.AuthFailed a) {
        authGate.pause(a.error(), method);
        return ReadOutcome.none();
      }
      if (result instanceof SlackResult.Failed f) {
        LOG.debugf("Slack %s answered %s", method, f.error());
        return new ReadOutcome<>(Optional.empty(), f.error());
      }
      Duration wait =
          result instanceof SlackResult.RateLimited r
              ? r.retryAfter()
              : result instanceof SlackResult.Transient ? policy.delayAfter(attempt) : null;
      if (wait == null
          || attempt == clientSettings.readAttempts()
          || waited + wait.toMillis() > clientSettings.readMaxWait().toMillis()) {
        LOG.warnf("Slack %s answered %s", method, result.code());
        return ReadOutcome.none();
      }
      waited += wait.toMillis();
      if (!sleep(wait)) {
        return ReadOutcome.none();
      }
    }
    return ReadOutcome.none();
  }

  /** Uploads bytes to a URL Slack handed out (files.getUploadURLExternal), on the same client. */
  public SlackResult upload(String url, byte[] bytes, String contentType) {
    guardTransaction("files.upload");
    long start = System.nanoTime();
    Request request =
        new Request.Builder()
            .url(url)
            .post(RequestBody.create(bytes, MediaType.get(contentType)))
            .build();
    SlackResult result;
    try (Response response = http.newCall(request).execute()) {
      result =
          response.isSuccessful()
              ? new SlackResult.Ok(new JsonObject())
              : classify("http_" + response.code(), null, true);
    } catch (IOException e) {
      result = new SlackResult.Transient(ioCode(e), true);
    }
    record("files.upload", result, start);
    return result;
  }

  /** auth.test with the configured token (the auth gate's probe). */
  public SlackResult authTest() {
    return execute("auth.test", new FormBody.Builder().build());
  }

  private SlackResult execute(String method, RequestBody body) {
    guardTransaction(method);
    long start = System.nanoTime();
    Request request =
        new Request.Builder()
            .url(settings.apiBaseUrl() + method)
            .header("Authorization", "Bearer " + settings.botToken().orElse(""))
            .post(body)
            .build();
    SlackResult result;
    try (Response response = http.newCall(request).execute()) {
      result = answer(response);
    } catch (IOException e) {
      // Refused or unresolvable connections never reached Slack; anything later (a read timeout, a
      // reset after the request went out) may have.
      result = new SlackResult.Transient(ioCode(e), !neverSent(e));
    }
    record(method, result, start);
    if (result instanceof SlackResult.AuthFailed a) {
      authGate.pause(a.error(), method);
    }
    return result;
  }

  private static SlackResult answer(Response response) throws IOException {
    String retryAfter = response.header("Retry-After");
    if (response.code() == 429) {
      return new SlackResult.RateLimited(RetryPolicy.retryAfter(retryAfter));
    }
    if (response.code() >= 500) {
      return new SlackResult.Transient("http_" + response.code(), true);
    }
    String text = response.body() == null ? "" : response.body().string();
    if (response.code() >= 400) {
      return classify("http_" + response.code(), retryAfter, true);
    }
    JsonObject json;
    try {
      json = JsonParser.parseString(text).getAsJsonObject();
    } catch (RuntimeException e) {
      return new SlackResult.Transient("unreadable_response", true);
    }
    if (json.has("ok") && json.get("ok").getAsBoolean()) {
      return new SlackResult.Ok(json);
    }
    String error =
        json.has("error") && json.get("error").isJsonPrimitive()
            ? json.get("error").getAsString()
            : "unknown_error";
    return classify(error, retryAfter, true);
  }

  private static SlackResult classify(String error, String retryAfter, boolean maybeDelivered) {
    return switch (SlackErrors.classify(error)) {
      case RATE_LIMITED -> new SlackResult.RateLimited(RetryPolicy.retryAfter(retryAfter));
      case TRANSIENT -> new SlackResult.Transient(error, maybeDelivered);
      case AUTH -> new SlackResult.AuthFailed(error);
      case RECIPIENT -> new SlackResult.Failed(error, SlackErrors.Kind.RECIPIENT);
      case REQUEST -> new SlackResult.Failed(error, SlackErrors.Kind.REQUEST);
    };
  }

  private static String ioCode(IOException e) {
    return "io_" + e.getClass().getSimpleName();
  }

  private static boolean neverSent(IOException e) {
    return e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || (e instanceof SocketTimeoutException
            && String.valueOf(e.getMessage()).contains("connect"));
  }

  private void record(String method, SlackResult result, long start) {
    Timer.builder("cosbot_slack_api_calls")
        .description("Slack Web API calls made by cos-bot, by method and outcome")
        .tag("method", method)
        .tag("outcome", result instanceof SlackResult.Ok ? "ok" : "error")
        .publishPercentileHistogram()
        .register(registry)
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    if (!(result instanceof SlackResult.Ok)) {
      registry
          .counter("cosbot_slack_api_errors_total", "method", method, "error", result.code())
          .increment();
    }
  }

  private void guardTransaction(String method) {
    boolean open;
    try {
      open = transactions.getStatus() == Status.STATUS_ACTIVE;
    } catch (Exception e) {
      open = false;
    }
    if (!open) {
      return;
    }
    registry.counter("cosbot_slack_calls_in_transaction_total", "method", method).increment();
    if (clientSettings.refuseCallsInTransaction()) {
      throw new IllegalStateException(
          "Slack " + method + " called while a database transaction is open");
    }
    LOG.debugf("Slack %s called while a database transaction is open", method);
  }

  private static boolean sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
