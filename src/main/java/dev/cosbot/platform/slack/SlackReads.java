package dev.cosbot.platform.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.micrometer.core.instrument.MeterRegistry;
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
 * Read-only Web API calls (users.info, users.list, usergroups.users.list, conversations.members…).
 * Writes never come here: they go through the outbox. Honours 429 Retry-After a few times, then
 * gives up with an empty result so callers degrade instead of failing a Slack request.
 */
@ApplicationScoped
public class SlackReads {
  private static final Logger LOG = Logger.getLogger(SlackReads.class);
  private static final int MAX_TRIES = 3;
  private static final long MAX_WAIT_MILLIS = 5_000;
  private static final ExecutorService BOUNDED =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "slack-read");
            t.setDaemon(true);
            return t;
          });

  @Inject SlackSdk slackSdk;
  @Inject SlackSettings settings;
  @Inject MeterRegistry registry;

  /** A call against the Web API's MethodsClient. */
  @FunctionalInterface
  public interface Call<T extends SlackApiTextResponse> {
    T call(MethodsClient client) throws IOException, SlackApiException;
  }

  public <T extends SlackApiTextResponse> Optional<T> read(String method, Call<T> call) {
    if (!settings.canCallSlack()) {
      return Optional.empty();
    }
    MethodsClient client = slackSdk.slack().methods(settings.botToken().get());
    for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
      try {
        T response = call.call(client);
        if (response.isOk()) {
          return Optional.of(response);
        }
        countError(method, response.getError());
        LOG.warnf("Slack %s answered %s", method, response.getError());
        return Optional.empty();
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        countError(method, status == 429 ? "ratelimited" : "http_" + status);
        if (status == 429 && attempt < MAX_TRIES) {
          sleep(retryAfterMillis(e.getResponse().header("Retry-After")));
          continue;
        }
        if (status >= 500 && attempt < MAX_TRIES) {
          sleep(250L * attempt);
          continue;
        }
        LOG.warnf("Slack %s failed with HTTP %d", method, status);
        return Optional.empty();
      } catch (IOException e) {
        countError(method, "io_error");
        if (attempt < MAX_TRIES) {
          sleep(250L * attempt);
          continue;
        }
        LOG.warnf("Slack %s failed: %s", method, e.getClass().getSimpleName());
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * One attempt, waited for at most {@code timeout} (no 429 or 5xx retries): for a caller that
   * holds a database transaction and must not hold it long. Empty when Slack does not answer in
   * time; the call itself then finishes in the background.
   */
  public <T extends SlackApiTextResponse> Optional<T> readWithin(
      String method, Duration timeout, Call<T> call) {
    if (!settings.canCallSlack()) {
      return Optional.empty();
    }
    MethodsClient client = slackSdk.slack().methods(settings.botToken().get());
    Future<T> answer = BOUNDED.submit(() -> call.call(client));
    try {
      T response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (response.isOk()) {
        return Optional.of(response);
      }
      countError(method, response.getError());
      LOG.warnf("Slack %s answered %s", method, response.getError());
    } catch (TimeoutException e) {
      countError(method, "timeout");
      LOG.warnf("Slack %s did not answer within %d ms", method, timeout.toMillis());
    } catch (ExecutionException e) {
      countError(
          method,
          e.getCause() instanceof SlackApiException s
              ? (s.getResponse().code() == 429 ? "ratelimited" : "http_" + s.getResponse().code())
              : "io_error");
      LOG.warnf("Slack %s failed: %s", method, e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }

  private void countError(String method, String error) {
    registry
        .counter("cosbot_slack_api_errors_total", "method", method, "error", String.valueOf(error))
        .increment();
  }

  private static long retryAfterMillis(String header) {
    try {
      return Math.min(MAX_WAIT_MILLIS, Math.max(1, Long.parseLong(header.trim())) * 1000);
    } catch (RuntimeException e) {
      return 1000;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
