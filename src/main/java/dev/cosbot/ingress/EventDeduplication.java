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
 * de-duplicate. The first delivery claims the id in the database (shared by every replica); later
 * deliveries are acknowledged without running the handler. A failed handler releases the claim so
 * Slack's next retry is processed.
 */
@ApplicationScoped
public class EventDeduplication implements Middleware {
  private static final Logger LOG = Logger.getLogger(EventDeduplication.class);

  @Inject EventReceipts receipts;
  @Inject MeterRegistry registry;

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (req.getRequestType() != RequestType.Event) {
      return chain.next(req);
    }
    String eventId = eventId(req.getRequestBodyAsString());
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

  private static String eventId(String body) {
    try {
      JsonElement id = JsonParser.parseString(body).getAsJsonObject().get("event_id");
      return id == null || id.isJsonNull() ? null : id.getAsString();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
