package dev.cosbot.ingress;

import com.google.gson.JsonObject;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.GlobalShortcutRequest;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCall;
import dev.cosbot.platform.outbox.SlackCalls;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Answers a button, shortcut, form or command that no longer matches any listener (an old message,
 * a removed feature, an unknown id): Slack gets 200 — never the 404 it would show as an error — and
 * the person a short "That's no longer available", through the outbox. A Bolt middleware, so it
 * applies over HTTP and Socket Mode alike.
 */
@ApplicationScoped
public class NoLongerAvailable implements Middleware {
  private static final Logger LOG = Logger.getLogger(NoLongerAvailable.class);
  static final String TEXT =
      "That's no longer available: it was changed or removed since this message was sent."
          + " Type `/cos help` to see what you can do now.";
  private static final String JSON = "application/json; charset=utf-8";

  @Inject Outbox outbox;

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    Response handled = chain.next(req);
    if (handled != null && handled.getStatusCode() != null && handled.getStatusCode() == 404) {
      return answer(req);
    }
    return handled;
  }

  /** The answer to {@code request}, which no listener handled. */
  Response answer(Request<?> request) {
    LOG.debugf(
        "No listener for this %s: answered as no longer available", request.getRequestType());
    return switch (request.getRequestType()) {
      case BlockAction -> {
        var p = ((BlockActionRequest) request).getPayload();
        String channel =
            p.getContainer() != null && p.getContainer().getChannelId() != null
                ? p.getContainer().getChannelId()
                : p.getChannel() != null ? p.getChannel().getId() : null;
        String ts =
            p.getActions() == null || p.getActions().isEmpty()
                ? p.getTriggerId()
                : p.getActions().get(0).getActionTs();
        tell(p.getUser() == null ? null : p.getUser().getId(), channel, ts);
        yield ok("");
      }
      case MessageShortcut -> {
        var p = ((MessageShortcutRequest) request).getPayload();
        tell(
            p.getUser() == null ? null : p.getUser().getId(),
            p.getChannel() == null ? null : p.getChannel().getId(),
            p.getTriggerId());
        yield ok("");
      }
      case GlobalShortcut -> {
        var p = ((GlobalShortcutRequest) request).getPayload();
        tell(p.getUser() == null ? null : p.getUser().getId(), null, p.getTriggerId());
        yield ok("");
      }
      case ViewSubmission -> ok(closedForm());
      case BlockSuggestion -> ok("{\"options\":[]}");
      case Command -> {
        JsonObject answer = new JsonObject();
        answer.addProperty("response_type", "ephemeral");
        answer.addProperty("text", TEXT);
        yield ok(answer.toString());
      }
      default -> ok("");
    };
  }

  /**
   * Ephemeral in the channel the click came from; a DM from the bot where there is none (App Home,
   * a global shortcut). Keyed by the click, so a retried request answers once.
   */
  private void tell(String user, String channel, String clickId) {
    if (user == null || clickId == null) {
      return;
    }
    String key = "gone:" + user + ":" + clickId;
    SlackCall call =
        channel == null
            ? SlackCalls.postMessage(key, user, TEXT, null)
            : SlackCalls.postEphemeral(key, channel, user, TEXT, null);
    QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(call));
  }

  /** A modal whose form no longer exists is turned into a short notice with a Close button. */
  private static String closedForm() {
    JsonObject text = new JsonObject();
    text.addProperty("type", "mrkdwn");
    text.addProperty("text", TEXT);
    JsonObject section = new JsonObject();
    section.addProperty("type", "section");
    section.add("text", text);
    com.google.gson.JsonArray blocks = new com.google.gson.JsonArray();
    blocks.add(section);
    JsonObject view = new JsonObject();
    view.addProperty("type", "modal");
    view.add("title", plain("cos-bot"));
    view.add("close", plain("Close"));
    view.add("blocks", blocks);
    JsonObject answer = new JsonObject();
    answer.addProperty("response_action", "update");
    answer.add("view", view);
    return answer.toString();
  }

  private static JsonObject plain(String s) {
    JsonObject o = new JsonObject();
    o.addProperty("type", "plain_text");
    o.addProperty("text", s);
    return o;
  }

  private static Response ok(String body) {
    return Response.builder().statusCode(200).contentType(JSON).body(body).build();
  }
}
