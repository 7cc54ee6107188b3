package dev.cosbot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cosbot.pulse.PulseTeamRounds;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * From Slack into the dashboard in a real headless Chromium: the Home tab's "Open the dashboard"
 * button (a signed block_actions) sends a one-time link by DM, the browser follows it and ends
 * signed in on the Me page, which lists the pulse survey waiting for that person with a way back
 * into Slack — until they answer it there.
 */
@QuarkusTest
class DashboardFromSlackTest extends SlackTestBase {
  private static final String PERSON = "U0HOMEDASH";
  private static final Pattern LINK = Pattern.compile("/app/sign-in/([A-Za-z0-9_-]+)\\|");

  @TestHTTPResource("/")
  URL root;

  @Test
  void theHomeButtonsLinkSignsInAndMeListsTheSurveyWaiting() throws Exception {
    SlackApiTestResource.knowsUser(slack, PERSON, "homedash", "Hana Home", "UTC");
    LinkedHashMap<String, List<String>> team = new LinkedHashMap<>();
    team.put("S0HOMEDASH", List.of(PERSON, "U0HOMEPEER"));
    PulseTeamRounds.Round round =
        PulseTeamRounds.open(slack, dataSource, "U0ADMIN", "Home to dashboard pulse", team, 5);

    // The Home tab, as Slack shows it when the person opens it.
    SlackRequests.event(
            "Ev" + UUID.randomUUID().toString().substring(0, 8),
            "{\"type\":\"app_home_opened\",\"user\":\""
                + PERSON
                + "\",\"channel\":\"D"
                + PERSON
                + "\",\"tab\":\"home\",\"event_ts\":\"1700000000.000100\"}",
            null)
        .then()
        .statusCode(200);
    JsonObject view = view(awaitCalls("views.publish", PERSON, 1).get(0));
    JsonObject button = button(view, DashboardMessages.ACTION_OPEN);
    assertThat(button.getAsJsonObject("text").get("text").getAsString())
        .isEqualTo("Open the dashboard");

    SlackRequests.interaction(
            SlackRequests.blockAction(
                PERSON,
                DashboardMessages.ACTION_OPEN,
                button.has("value") ? button.get("value").getAsString() : "",
                "home_dashboard"))
        .then()
        .statusCode(200);
    String dm =
        awaitCalls("chat.postMessage", "/app/sign-in/", 1).stream()
            .filter(m -> m.get("channel").getAsString().equals(PERSON))
            .findFirst()
            .orElseThrow()
            .toString();
    Matcher link = LINK.matcher(dm);
    assertThat(link.find()).as("a sign-in link in %s", dm).isTrue();

    try (Browser b = new Browser(root.toString())) {
      b.open("/app/sign-in/" + link.group(1));
      b.click("Continue to the dashboard");
      assertThat(b.heading()).isEqualTo("Me");
      assertThat(b.driver.manage().getCookieNamed(DashboardPaths.COOKIE)).isNotNull();
      String text = b.text();
      assertThat(text).contains("Surveys waiting for you", "Home to dashboard pulse");
      String html = b.driver.getPageSource();
      assertThat(html)
          .containsPattern(
              "href=\"https://slack.com/app_redirect\\?app=[A-Z0-9]+&amp;team=[A-Z0-9]+\"");

      // Answered in Slack, the survey no longer waits.
      round.answer(PERSON, 4);
      awaitScalar("SELECT count(*) FROM pulse_sealed WHERE round_id = " + round.id(), 1);
      b.open("/app");
      assertThat(b.text())
          .contains("No survey is waiting for you.")
          .doesNotContain("Home to dashboard pulse");
    }
  }

  private static JsonObject view(JsonObject call) {
    JsonElement v = call.get("view");
    return v.isJsonPrimitive()
        ? JsonParser.parseString(v.getAsString()).getAsJsonObject()
        : v.getAsJsonObject();
  }

  private static JsonObject button(JsonObject view, String actionId) {
    for (JsonElement b : view.getAsJsonArray("blocks")) {
      JsonObject block = b.getAsJsonObject();
      List<JsonElement> candidates = new java.util.ArrayList<>();
      if (block.has("accessory")) {
        candidates.add(block.get("accessory"));
      }
      if (block.has("elements")) {
        block.getAsJsonArray("elements").forEach(candidates::add);
      }
      for (JsonElement e : candidates) {
        JsonObject o = e.getAsJsonObject();
        if (o.has("action_id") && o.get("action_id").getAsString().equals(actionId)) {
          return o;
        }
      }
    }
    throw new AssertionError("no " + actionId + " button in " + view);
  }
}
