package dev.cosbot.ingress;

import com.google.gson.JsonObject;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.cosbot.platform.slack.SlackSettings;
import dev.cosbot.platform.support.DatabaseErrors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns one HTTP request from Slack into a Bolt request and runs it: 503 while offline, 401 for a
 * bad or stale signature (checked here, before Bolt parses anything), 400 for a signed but
 * malformed payload, and never a stack trace in the answer.
 */
@ApplicationScoped
public class SlackIngress {
  private static final Logger LOG = Logger.getLogger(SlackIngress.class);
  private static final String JSON = "application/json; charset=utf-8";

  /** Slack's guidance: refuse requests whose timestamp is more than 5 minutes from now. */
  private static final long REPLAY_WINDOW_SECONDS = 300;

  @Inject SlackApp slackApp;
  @Inject SlackSettings settings;
  @Inject MeterRegistry registry;

  private volatile SlackRequestParser parser;

  public Response handle(
      String body,
      Map<String, List<String>> headers,
      Map<String, List<String>> query,
      String remoteAddress) {
    long start = System.nanoTime();
    String kind = "unknown";
    Response response;
    RequestHeaders requestHeaders = new RequestHeaders(headers);
    Optional<App> app = slackApp.app();
    if (app.isEmpty() && settings.canReceiveHttp()) {
      // Configured, but Slack has not confirmed the token yet (see SlackApp): Slack retries.
      response = json(503, "{\"error\":\"cos-bot is waiting for Slack to confirm its token\"}");
    } else if (app.isEmpty() || !settings.canReceiveHttp()) {
      response =
          json(503, "{\"error\":\"cos-bot is offline: Slack credentials are not configured\"}");
    } else if (outsideReplayWindow(requestHeaders) || !validSignature(body, requestHeaders)) {
      // Signature first: nothing of an unsigned request is parsed, logged or stored.
      refused();
      response = json(401, "{\"error\":\"invalid request\"}");
    } else {
      Request<?> request = parse(app.get(), body, requestHeaders, query, remoteAddress);
      if (request == null) {
        response = json(400, "{\"error\":\"malformed request\"}");
      } else {
        kind = request.getRequestType().name();
        response = run(app.get(), request);
      }
    }
    record(kind, response, start);
    return response;
  }

  /**
   * Bolt refuses timestamps more than 5 minutes old but accepts any timestamp in the future, so a
   * request signed with a far-future timestamp (leaked or precomputed) could be replayed for as
   * long as its timestamp lasts. Both directions are refused here. Wall-clock time on purpose, like
   * Slack's own check: the application's Clock can be moved by tests.
   */
  private static boolean outsideReplayWindow(RequestHeaders headers) {
    String timestamp = headers.getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
    if (timestamp == null) {
      return false; // Bolt refuses a request without timestamp or signature.
    }
    try {
      long seconds = Long.parseLong(timestamp.trim());
      return Math.abs(java.time.Instant.now().getEpochSecond() - seconds) > REPLAY_WINDOW_SECONDS;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private final java.util.concurrent.atomic.AtomicLong refusedSinceLog =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile long lastRefusedLog;

  /** One fixed line at most every 10 seconds, whatever the flood: the count, never the request. */
  private void refused() {
    registry.counter("cosbot_slack_requests_refused_total").increment();
    long count = refusedSinceLog.incrementAndGet();
    long now = System.nanoTime();
    if (now - lastRefusedLog > java.util.concurrent.TimeUnit.SECONDS.toNanos(10)) {
      lastRefusedLog = now;
      refusedSinceLog.addAndGet(-count);
      LOG.warnf(
          "Refused requests to /slack/events without a valid Slack signature or timestamp: %d",
          count);
    }
  }

  private final Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

  /** One timer per type and status, looked up once: this runs on every ack. */
  private void record(String kind, Response response, long start) {
    String status = String.valueOf(response.getStatusCode());
    timers
        .computeIfAbsent(
            kind + ' ' + status,
            k ->
                Timer.builder("cosbot_slack_requests")
                    .description("Slack requests received, by type and HTTP status")
                    .publishPercentileHistogram()
                    .tag("type", kind)
                    .tag("status", status)
                    .register(registry))
        .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  private Request<?> parse(
      App app,
      String body,
      RequestHeaders headers,
      Map<String, List<String>> query,
      String remote) {
    try {
      SlackRequestParser.HttpRequest raw =
          SlackRequestParser.HttpRequest.builder()
              .requestUri("/slack/events")
              .queryString(query)
              .headers(headers)
              .requestBody(body == null ? "" : body)
              .remoteAddress(remote)
              .build();
      return parser(app).parse(raw);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Response run(App app, Request<?> request) {
    try {
      Response response = app.run(request);
      if (response == null) {
        return json(500, "{\"error\":\"no response\"}");
      }
      if (response.getStatusCode() != null && response.getStatusCode() == 401) {
        return json(401, "{\"error\":\"invalid request\"}");
      }
      return response;
    } catch (Exception e) {
      if (DatabaseErrors.isUnavailable(e)) {
        return databaseUnavailable(request);
      }
      if (e instanceof com.google.gson.JsonParseException
          || e instanceof IllegalArgumentException
          || e instanceof IllegalStateException) {
        // The signature was valid (checked in handle) but the payload does not have Slack's shape.
        LOG.debugf("Malformed Slack payload: %s", e.getClass().getSimpleName());
        return json(400, "{\"error\":\"malformed request\"}");
      }
      String ref = UUID.randomUUID().toString().substring(0, 8);
      LOG.errorf(e, "Slack request failed (ref %s)", ref);
      return json(500, "{\"error\":\"internal error\",\"ref\":\"" + ref + "\"}");
    }
  }

  /**
   * The database is unreachable: a person who typed a command is told so at once (200, ephemeral);
   * everything else gets 503, which Slack retries for events, so nothing is dropped.
   */
  private Response databaseUnavailable(Request<?> request) {
    registry
        .counter(
            "cosbot_slack_requests_database_unavailable_total",
            "type",
            request.getRequestType().name())
        .increment();
    LOG.warnf(
        "Slack %s answered without the database: it is unreachable", request.getRequestType());
    if (request.getRequestType() == RequestType.Command) {
      JsonObject answer = new JsonObject();
      answer.addProperty("response_type", "ephemeral");
      answer.addProperty("text", DatabaseErrors.UNAVAILABLE_MESSAGE);
      return json(200, answer.toString());
    }
    return json(503, "{\"error\":\"database unavailable\"}");
  }

  private boolean validSignature(String body, RequestHeaders headers) {
    String timestamp = headers.getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
    String signature = headers.getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
    if (timestamp == null || signature == null) {
      return false;
    }
    SlackSignature.Verifier verifier = verifier(settings.signingSecret().orElseThrow());
    try {
      return verifier.isValid(timestamp, body == null ? "" : body, signature);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private volatile Map.Entry<String, SlackSignature.Verifier> verifier;

  /** The verifier of the current secret, made once (it is stateless). */
  private SlackSignature.Verifier verifier(String secret) {
    Map.Entry<String, SlackSignature.Verifier> current = verifier;
    if (current == null || !current.getKey().equals(secret)) {
      current =
          Map.entry(secret, new SlackSignature.Verifier(new SlackSignature.Generator(secret)));
      verifier = current;
    }
    return current.getValue();
  }

  private SlackRequestParser parser(App app) {
    SlackRequestParser current = parser;
    if (current == null) {
      current = new SlackRequestParser(app.config());
      parser = current;
    }
    return current;
  }

  private static Response json(int status, String body) {
    return Response.builder().statusCode(status).contentType(JSON).body(body).build();
  }
}
