package dev.cosbot.platform.people;

import com.slack.api.methods.response.users.UsersInfoResponse;
import dev.cosbot.platform.slack.SlackClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Whether a person a command names exists: known and active here, or Slack's {@code users.info}
 * says so. Only Slack's own "no such user" is a no; an unreachable Slack is not held against
 * anyone. Call it outside any transaction.
 */
@ApplicationScoped
public class PersonCheck {
  /** What is known about a user id. */
  public enum Known {
    YES,
    NO,
    UNKNOWN
  }

  private static final Set<String> NO_SUCH_USER = Set.of("user_not_found", "users_not_found");

  @Inject SlackClient client;
  @Inject PeopleDirectory directory;

  public Known exists(String userId) {
    boolean knownHere =
        QuarkusTransaction.joiningExisting()
            .call(() -> Person.byId(userId).filter(p -> !p.deleted).isPresent());
    if (knownHere) {
      return Known.YES;
    }
    SlackClient.ReadOutcome<UsersInfoResponse> answer =
        client.readOutcome("users.info", c -> c.usersInfo(r -> r.user(userId)));
    if (answer.response().isPresent()) {
      directory.upsert(answer.response().get().getUser());
      return Known.YES;
    }
    return answer.error() != null && NO_SUCH_USER.contains(answer.error())
        ? Known.NO
        : Known.UNKNOWN;
  }
}
