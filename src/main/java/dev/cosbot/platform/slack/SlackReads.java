package dev.cosbot.platform.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Read-only Web API calls (users.info, users.list, usergroups.users.list, conversations.members…)
 * through the one {@link SlackClient} and its read policy. Writes never come here: they go through
 * the outbox. An empty result means Slack did not answer usefully; callers degrade.
 */
@ApplicationScoped
public class SlackReads {
  private static final Logger LOG = Logger.getLogger(SlackReads.class);
  private static final ExecutorService BOUNDED =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "slack-read");
            t.setDaemon(true);
            return t;
          });

  @Inject SlackClient client;

  /** A call against the Web API's MethodsClient. */
  @FunctionalInterface
  public interface Call<T extends SlackApiTextResponse> {
    T call(MethodsClient client) throws IOException, SlackApiException;
  }

  /** A channel's members as far as Slack answered; {@code complete} when every page came. */
  public record Members(java.util.List<String> ids, boolean complete) {}

  /**
   * A channel's members, page by page (1,000 a page, at most {@code maxPages}); each page is read
   * within {@code timeout} when one is given (a caller holding a transaction), else as {@link
   * #read}. A page Slack does not answer ends the list, marked incomplete.
   */
  public Members channelMembers(String channel, int maxPages, Duration timeout) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    String cursor = null;
    for (int page = 0; page < maxPages; page++) {
      String c = cursor;
      Call<com.slack.api.methods.response.conversations.ConversationsMembersResponse> call =
          m -> m.conversationsMembers(r -> r.channel(channel).limit(1000).cursor(c));
      var response =
          timeout == null
              ? read("conversations.members", call)
              : readWithin("conversations.members", timeout, call);
      if (response.isEmpty()) {
        return new Members(ids, false);
      }
      if (response.get().getMembers() != null) {
        ids.addAll(response.get().getMembers());
      }
      cursor =
          response.get().getResponseMetadata() == null
              ? null
              : response.get().getResponseMetadata().getNextCursor();
      if (cursor == null || cursor.isBlank()) {
        break;
      }
    }
    return new Members(ids, true);
  }

  public <T extends SlackApiTextResponse> Optional<T> read(String method, Call<T> call) {
    return client.read(method, call::call);
  }

  /**
   * The same read for a caller that holds a database transaction and must not hold it long: the
   * read runs on its own thread (outside the transaction) and the caller waits at most {@code
   * timeout}; empty when Slack has not answered by then (the read then finishes in the background
   * and its answer is dropped).
   */
  public <T extends SlackApiTextResponse> Optional<T> readWithin(
      String method, Duration timeout, Call<T> call) {
    Future<Optional<T>> answer = BOUNDED.submit(() -> client.read(method, call::call));
    try {
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warnf(
          "Slack %s did not answer within %d ms; going on without it", method, timeout.toMillis());
    } catch (ExecutionException e) {
      LOG.warnf("Slack %s failed: %s", method, e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }
}
