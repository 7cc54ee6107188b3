package dev.cosbot.ingress;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.GlobalShortcutRequest;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewClosedRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Slack re-delivers an event it thinks was not acknowledged (same {@code event_id}); Bolt does not
 * de-duplicate. A captured interaction (button, modal, shortcut, command) replayed within the
 * signature window is refused the same way. Two lines: ids seen in the last minutes on this replica
 * (memory, no database on the ack path), then a receipt in the database shared by every replica.
 *
 * <p>An event's receipt is claimed in one transaction with its handler's work, and rolled back with
 * it if the handler fails so that Slack's next retry is processed. An interaction whose handler
 * acks first and works after (see {@link AfterAck}) claims its receipt inside the transaction of
 * that work instead: receipt and effect commit together, and the ack waits for neither. An
 * interaction that changes nothing (help, a usage hint) needs no receipt. Which handler does which
 * is learnt per action, callback or command from what the handler did the last time; until then
 * (and for any handler that did not defer) the receipt is claimed before the handler, as for
 * events.
 */
@ApplicationScoped
public class EventDeduplication implements Middleware {
  private static final Logger LOG = Logger.getLogger(EventDeduplication.class);

  /** Longer than Slack's retries (minutes) and the signature window (5 minutes either way). */
  private static final long REMEMBER_MILLIS = TimeUnit.MINUTES.toMillis(11);

  /** At most this many ids in memory (a few MB); older ones are left to the database. */
  private static final int REMEMBER_AT_MOST = 50_000;

  /** Keys learnt as not needing a receipt before the handler; bounded (typed command words). */
  private static final int LIGHT_KEYS_AT_MOST = 1_000;

  @Inject EventReceipts receipts;
  @Inject MeterRegistry registry;

  private final RecentIds recent = new RecentIds(REMEMBER_AT_MOST, REMEMBER_MILLIS);
  private final Set<String> lightKeys = ConcurrentHashMap.newKeySet();
  private Counter duplicates;

  @PostConstruct
  void meters() {
    duplicates = registry.counter("cosbot_slack_event_duplicates_total");
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    boolean event = req.getRequestType() == RequestType.Event;
    String id = event ? eventId(req.getRequestBodyAsString()) : interactionId(req);
    if (id == null) {
      return chain.next(req);
    }
    if (!recent.firstSeen(id)) {
      return duplicate(req, id);
    }
    if (event) {
      return withReceipt(req, chain, id);
    }
    String key = key(req);
    boolean claimFirst = key == null || !lightKeys.contains(key);
    if (claimFirst && !receipts.claim(id)) {
      return duplicate(req, id);
    }
    ReplayClaim claim = new ReplayClaim(id, key, claimFirst);
    claim.open();
    Response response;
    try {
      response = chain.next(req);
    } catch (Exception | Error e) {
      release(claim);
      throw e;
    } finally {
      claim.close();
    }
    if (response.getStatusCode() != null && response.getStatusCode() >= 500) {
      release(claim);
      return response;
    }
    if (key != null) {
      learn(claim);
    }
    return response;
  }

  /**
   * An event's receipt and its handler's database work in one transaction: they commit together
   * (one commit, not two), and a failing handler rolls its receipt back so Slack's next retry is
   * processed. A retry arriving meanwhile on another replica waits for that commit, then finds the
   * receipt.
   */
  private Response withReceipt(Request<?> req, MiddlewareChain chain, String id) throws Exception {
    Response response;
    try {
      response =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    if (!receipts.claimWithTheWork(id)) {
                      return null;
                    }
                    Response handled = chain.next(req);
                    if (handled.getStatusCode() != null && handled.getStatusCode() >= 500) {
                      QuarkusTransaction.setRollbackOnly();
                    }
                    return handled;
                  });
    } catch (QuarkusTransactionException e) {
      recent.forget(id);
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (RuntimeException | Error e) {
      recent.forget(id);
      throw e;
    }
    if (response == null) {
      return duplicate(req, id);
    }
    if (response.getStatusCode() != null && response.getStatusCode() >= 500) {
      recent.forget(id);
    }
    return response;
  }

  /**
   * Remembers whether this handler needs its receipt claimed before it runs. A handler that did
   * neither defer nor declare "no effect" this time is claimed for now and forever after.
   */
  private void learn(ReplayClaim claim) {
    if (claim.deferred || claim.noEffect) {
      if (lightKeys.size() < LIGHT_KEYS_AT_MOST) {
        lightKeys.add(claim.key);
      }
      return;
    }
    lightKeys.remove(claim.key);
    if (!claim.claimed) {
      receipts.claim(claim.id);
    }
  }

  /**
   * Forgets every id seen in memory: what another replica, or this one after a restart, knows. For
   * tests of the database line.
   */
  void forgetRecent() {
    recent.clear();
  }

  private void release(ReplayClaim claim) {
    recent.forget(claim.id);
    if (claim.claimed) {
      receipts.release(claim.id);
    }
  }

  private Response duplicate(Request<?> req, String id) {
    LOG.debugf(
        "%s %s already handled (retry %s): acknowledged without running again",
        req.getRequestType(), id, req.getHeaders().getFirstValue("X-Slack-Retry-Num"));
    duplicates.increment();
    return Response.ok();
  }

  /** What decides how a handler treats its receipt: the action, callback or command word. */
  private static String key(Request<?> req) {
    try {
      if (req instanceof BlockActionRequest r) {
        var actions = r.getPayload().getActions();
        return actions == null || actions.isEmpty()
            ? null
            : "action:" + actions.get(0).getActionId();
      }
      if (req instanceof ViewSubmissionRequest r) {
        return "view:" + r.getPayload().getView().getCallbackId();
      }
      if (req instanceof ViewClosedRequest r) {
        return "closed:" + r.getPayload().getView().getCallbackId();
      }
      if (req instanceof GlobalShortcutRequest r) {
        return "shortcut:" + r.getPayload().getCallbackId();
      }
      if (req instanceof MessageShortcutRequest r) {
        return "message-shortcut:" + r.getPayload().getCallbackId();
      }
      if (req instanceof SlashCommandRequest r) {
        String text = r.getPayload().getText() == null ? "" : r.getPayload().getText().trim();
        String word = text.isEmpty() ? "" : text.split("\\s+", 2)[0];
        if (word.length() > 40) {
          return null;
        }
        return "command:" + r.getPayload().getCommand() + " " + word.toLowerCase(Locale.ROOT);
      }
    } catch (RuntimeException e) {
      return null; // an odd payload: claim first, the handler decides what to answer
    }
    return null;
  }

  /** Interactions that change something: a replay of one must not change it again. */
  private static final Set<RequestType> INTERACTIONS =
      EnumSet.of(
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
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (timestamp + ":" + req.getRequestBodyAsString())
                      .getBytes(StandardCharsets.UTF_8));
      return "i:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
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
