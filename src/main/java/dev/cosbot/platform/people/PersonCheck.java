package dev.cosbot.platform.people;

import com.slack.api.methods.response.users.UsersInfoResponse;
import dev.cosbot.platform.slack.SlackClient;
import dev.cosbot.platform.support.SlackText;
import dev.cosbot.platform.support.UserFacingException;
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

  /**
   * Refuses, politely, a person Slack says does not exist; {@code example} shows how to name one
   * (e.g. {@code `/cos admin add @ana`}). A null id passes (nobody was named).
   */
  public void requireExisting(String userId, String example) {
    if (userId != null && exists(userId) == Known.NO) {
      throw new UserFacingException(unknownPerson(userId, example));
    }
  }

  /** The polite answer for a person Slack does not know, with how to name one instead. */
  public static String unknownPerson(String userId, String example) {
    return "I can't find "
        + SlackText.mention(userId)
        + " in this Slack workspace. Mention the person with @ so Slack fills in the right one"
        + (example == null ? "." : ", e.g. " + example + ".");
  }

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
