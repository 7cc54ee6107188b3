package dev.cosbot.ingress;

import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.cosbot.platform.slack.SlackSdk;
import dev.cosbot.platform.support.UserFacingException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Acknowledge first, work afterwards: an interaction is acked at once and its work runs on a
 * bounded pool, in one transaction with the private answer it produces (outbox); a modal it asks
 * for is opened after that transaction. A refusal ({@link UserFacingException}) rolls the work back
 * and is told to the clicker; any other failure is logged with a short reference that the clicker
 * is told too. Nothing is lost silently.
 */
@ApplicationScoped
public class AfterAck {
  private static final Logger LOG = Logger.getLogger(AfterAck.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The work of one interaction, run in a transaction; returns what the clicker gets back. */
  @FunctionalInterface
  public interface Work {
    Answer run() throws Exception;
  }

  @ConfigProperty(name = "cosbot.ingress.workers", defaultValue = "2")
  int workers;

  @ConfigProperty(name = "cosbot.ingress.queue", defaultValue = "20000")
  int queue;

  @Inject PrivateReplies replies;
  @Inject EventReceipts receipts;
  @Inject SlackSdk slack;

  private ThreadPoolExecutor pool;

  @PostConstruct
  void start() {
    AtomicInteger n = new AtomicInteger();
    pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queue),
            r -> {
              Thread t = new Thread(r, "cosbot-after-ack-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            // A full queue slows the acks down instead of dropping work.
            new ThreadPoolExecutor.CallerRunsPolicy());
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    pool.shutdown();
    if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
      LOG.warnf("%d interactions were still queued at shutdown", pool.getQueue().size());
    }
  }

  /** The work of one button click for the person who clicked it. */
  @FunctionalInterface
  public interface ClickWork {
    Answer run(Clicker clicker) throws Exception;
  }

  /** Acks a button click now and runs {@code work} for the clicker right after. */
  public Response click(
      com.slack.api.bolt.request.builtin.BlockActionRequest req,
      com.slack.api.bolt.context.builtin.ActionContext ctx,
      ClickWork work) {
    Clicker clicker = Clicker.of(req);
    return ackThen(ctx::ack, clicker, () -> work.run(clicker));
  }

  /** Acks with {@code ack} now and runs {@code work} for {@code clicker} right after. */
  public Response ackThen(Supplier<Response> ack, Clicker clicker, Work work) {
    String receipt = ReplayClaim.deferToWork();
    pool.execute(() -> run(clicker, receipt, work));
    return ack.get();
  }

  /**
   * Runs {@code work} and its answer in one transaction, with the request's replay receipt when
   * there is one (a replayed request that reached this point does nothing); refusals and failures
   * are answered.
   */
  void run(Clicker clicker, String receipt, Work work) {
    Answer answer;
    try {
      answer =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    if (receipt != null && !receipts.claimWithTheWork(receipt)) {
                      LOG.debugf("%s replayed: nothing done again", clicker.actionId());
                      return null;
                    }
                    Answer a = work.run();
                    if (a != null && a.text() != null) {
                      replies.tell(clicker, a.text());
                    }
                    return a;
                  });
    } catch (Exception e) {
      UserFacingException refusal = userFacing(e);
      if (refusal != null) {
        answer(clicker, "", refusal.getMessage());
        return;
      }
      String ref = HexFormat.of().formatHex(bytes());
      LOG.errorf(
          e, "%s by %s failed after the ack (ref %s)", clicker.actionId(), clicker.userId(), ref);
      answer(
          clicker,
          ":failed",
          "Sorry, something went wrong on my side (ref `"
              + ref
              + "`). Nothing was changed; please try again in a moment.");
      return;
    }
    if (answer != null && answer.modal() != null) {
      open(clicker, answer.modal());
    }
  }

  /** Opens a modal with the click's trigger, after the transaction: no Slack call holds it open. */
  private void open(Clicker clicker, View modal) {
    String error;
    try {
      var response = slack.methods().viewsOpen(r -> r.triggerId(clicker.triggerId()).view(modal));
      if (response.isOk()) {
        return;
      }
      error = response.getError();
    } catch (Exception e) {
      error = e.getClass().getSimpleName();
    }
    LOG.warnf("views.open for %s failed: %s", clicker.actionId(), error);
    answer(
        clicker,
        ":open",
        "Sorry, I couldn't open the form in time. Please click the button again.");
  }

  private void answer(Clicker clicker, String suffix, String text) {
    try {
      QuarkusTransaction.requiringNew().run(() -> replies.tell(clicker, suffix, text));
    } catch (RuntimeException e) {
      LOG.errorf(
          e, "Could not queue the answer to %s for %s", clicker.actionId(), clicker.userId());
    }
  }

  private static byte[] bytes() {
    byte[] b = new byte[4];
    RANDOM.nextBytes(b);
    return b;
  }

  private static UserFacingException userFacing(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UserFacingException u) {
        return u;
      }
    }
    return null;
  }
}
