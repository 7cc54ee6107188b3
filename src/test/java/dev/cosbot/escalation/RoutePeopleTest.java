package dev.cosbot.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /cos route add} names people (the owner, the backup): one Slack does not know gets a
 * polite answer and no rule is saved; Slack is asked with {@code users.info}.
 */
@QuarkusTest
class RoutePeopleTest extends SlackTestBase {

  @Test
  void aRuleNamingSomeoneSlackDoesNotKnowIsRefusedPolitely() throws Exception {
    String area = "Nobody" + UUID.randomUUID().toString().substring(0, 6);
    SlackRequests.cos("U0ADMIN", "route add area \"" + area + "\" owner <@U0NOBODY77|ghost>")
        .then()
        .statusCode(200)
        .body("text", containsString("I can't find <@U0NOBODY77> in this Slack workspace"))
        .body("text", containsString("`owner @ana`"));

    SlackApiTestResource.knowsUser(slack, "U0REALOWNER", "real", "Real Owner", "UTC");
    SlackRequests.cos(
            "U0ADMIN",
            "route add area \"" + area + "\" owner <@U0REALOWNER|real> backup <@U0NOBODY78|ghost>")
        .then()
        .statusCode(200)
        .body("text", containsString("I can't find <@U0NOBODY78> in this Slack workspace"));
    assertThat(scalar("SELECT count(*) FROM escalation_route WHERE area = '" + area + "'"))
        .as("no rule saved")
        .isZero();
    assertThat(
            slack.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/api/users.info"))
                .filter(e -> e.getRequest().getBodyAsString().contains("U0NOBODY77")))
        .as("Slack was asked")
        .isNotEmpty();

    SlackRequests.cos("U0ADMIN", "route add area \"" + area + "\" owner <@U0REALOWNER|real>")
        .then()
        .statusCode(200)
        .body("text", containsString("Added rule"));
    assertThat(scalar("SELECT count(*) FROM escalation_route WHERE area = '" + area + "'"))
        .isEqualTo(1);
  }
}
