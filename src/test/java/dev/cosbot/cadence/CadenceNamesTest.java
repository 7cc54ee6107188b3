package dev.cosbot.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cosbot.testsupport.FreshStart;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * On a fresh install, the checklist names people the way its hint says: {@code @display name}, a
 * real name or a mention — resolved through the people directory, which Slack filled at the first
 * start (no nightly sync needed).
 */
@QuarkusTest
@TestProfile(FreshStart.class)
class CadenceNamesTest extends SlackTestBase {
  @Test
  void aChecklistNamesPeopleByDisplayNameRealNameOrMention() throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> scalar("SELECT count(*) FROM person WHERE slack_user_id = 'U0FILLB'") == 1);
    SlackApiTestResource.knowsUser(slack, "U0MENTION", "max", "Max Mention", "Asia/Tokyo");
    String checklist =
        "Deck draft | @Dana Fill | 1d\n"
            + "Numbers | Ada Fillmore | 2h\n"
            + "Room | <@U0MENTION|max> | 1h";
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ADMIN",
                CadenceIds.NEW_CALLBACK,
                "",
                CadenceFlowTest.values(
                    "Staff meeting", "Europe/Berlin", "C0STAFF", "1d", checklist)))
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("errors")));
    assertThat(
            scalar(
                "SELECT count(*) FROM cadence_task t JOIN cadence c ON c.id = t.cadence_id"
                    + " WHERE c.name = 'Staff meeting' AND t.dri_id IN ('U0FILLB', 'U0FILLA', 'U0MENTION')"))
        .isEqualTo(3);

    // Somebody nobody knows: the field says so, nothing is stored.
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ADMIN",
                CadenceIds.NEW_CALLBACK,
                "",
                CadenceFlowTest.values(
                    "Board prep", "Europe/Berlin", "C0STAFF", "1d", "Deck | @nobody here | 1d")))
        .then()
        .statusCode(200)
        .body("errors.cadence_checklist", org.hamcrest.Matchers.containsString("@nobody here"));
    assertThat(scalar("SELECT count(*) FROM cadence WHERE name = 'Board prep'")).isZero();
  }

  @Test
  void aDriSlackDoesNotKnowIsAFieldErrorAndNothingIsStored() throws Exception {
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ADMIN",
                CadenceIds.NEW_CALLBACK,
                "",
                CadenceFlowTest.values(
                    "Ghost prep", "Europe/Berlin", "C0STAFF", "1d", "Deck | <@U0NOBODY79> | 1d")))
        .then()
        .statusCode(200)
        .body(
            "errors.cadence_checklist",
            org.hamcrest.Matchers.containsString(
                "I can't find <@U0NOBODY79> in this Slack workspace"));
    assertThat(scalar("SELECT count(*) FROM cadence WHERE name = 'Ghost prep'")).isZero();
  }
}
