package dev.cosbot.ingress;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Slack re-delivers an event it thinks was not acknowledged (same {@code event_id}); Bolt does not
 * de-duplicate. A captured interaction (button, modal, shortcut, command) replayed within the
 * signature window is refused the same way. The first delivery claims the id in the database
 * (shared by every replica); later deliveries are acknowledged without running the handler. A
 * failed handler releases the claim so Slack's next retry is processed.
 */
@ApplicationScoped
public class EventDeduplication implements Middleware {
  private static final Logger LOG = Logger.getLogger(EventDeduplication.class);

  @Inject EventReceipts receipts;
  @Inject MeterRegistry registry;

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    String eventId =
        req.getRequestType() == RequestType.Event
            ? eventId(req.getRequestBodyAsString())
            : interactionId(req);
    if (eventId == null) {
      return chain.next(req);
    }
    if (!receipts.claim(eventId)) {
      String retry = req.getHeaders().getFirstValue("X-Slack-Retry-Num");
      LOG.debugf(
          "Event %s already processed (retry %s): acknowledged without running again",
          eventId, retry);
      registry.counter("cosbot_slack_event_duplicates_total").increment();
      return Response.ok();
    }
    try {
      Response response = chain.next(req);
      if (response.getStatusCode() != null && response.getStatusCode() >= 500) {
        receipts.release(eventId);
      }
      return response;
    } catch (Exception | Error e) {
      receipts.release(eventId);
      throw e;
    }
  }

  /** Interactions that change something: a replay of one must not change it again. */
  private static final java.util.Set<RequestType> INTERACTIONS =
      java.util.EnumSet.of(
          RequestType.BlockAction,
          RequestType.ViewSubmission,
          RequestType.ViewClosed,
          RequestType.GlobalShortcut,
          RequestType.MessageShortcut,
          RequestType.Command,
          RequestType.AttachmentAction,
          RequestType.DialogSubmission);

  /**
   * Slack never re-sends an interaction, so the same signed body with the same timestamp twice is a
   * replay: it is identified by a digest of both (nothing of the content is stored). Socket Mode
   * deliveries carry no signature and cannot be replayed from outside.
   */
  private static String interactionId(Request<?> req) {
    if (!INTERACTIONS.contains(req.getRequestType())) {
      return null;
    }
    String timestamp = req.getHeaders().getFirstValue("X-Slack-Request-Timestamp");
    if (timestamp == null) {
      return null;
    }
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(
                  (timestamp + ":" + req.getRequestBodyAsString())
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "i:" + java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String eventId(String body) {
    try {
      JsonElement id = JsonParser.parseString(body).getAsJsonObject().get("event_id");
      return id == null || id.isJsonNull() ? null : id.getAsString();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
