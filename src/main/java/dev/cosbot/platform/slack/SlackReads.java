package dev.cosbot.platform.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;

/**
 * Read-only Web API calls (users.info, users.list, usergroups.users.list, conversations.members…)
 * through the one {@link SlackClient} and its read policy. Writes never come here: they go through
 * the outbox. An empty result means Slack did not answer usefully; callers degrade.
 */
@ApplicationScoped
public class SlackReads {
  @Inject SlackClient client;

  /** A call against the Web API's MethodsClient. */
  @FunctionalInterface
  public interface Call<T extends SlackApiTextResponse> {
    T call(MethodsClient client) throws IOException, SlackApiException;
  }

  public <T extends SlackApiTextResponse> Optional<T> read(String method, Call<T> call) {
    return client.read(method, call::call);
  }
}
