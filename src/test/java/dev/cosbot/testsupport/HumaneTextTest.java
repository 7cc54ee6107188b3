package dev.cosbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** The humane-text check finds what leaks and lets humane text through. */
class HumaneTextTest {
  @Test
  void findsRulesThresholdsDurationsRawIdsPluralsAndZonelessTimes() {
    assertThat(HumaneText.violations("Created (FREQ=WEEKLY;BYDAY=MO)")).hasSize(1);
    assertThat(HumaneText.violations("Results only from k=5 answers")).hasSize(1);
    assertThat(HumaneText.violations("Please acknowledge within PT15M.")).hasSize(1);
    assertThat(HumaneText.violations("Owner: U0BOB0001")).hasSize(1);
    assertThat(HumaneText.violations("escalated 2 step(s) up the chain")).hasSize(1);
    assertThat(HumaneText.violations("next due Fri 4 Dec 23:33")).hasSize(1);
    assertThat(HumaneText.violations("<!date^1733300000^{time}>")).hasSize(1);
    assertThat(HumaneText.violations("Open until 2026-12-09.")).hasSize(1);
    assertThat(
            HumaneText.violations(
                "Open until <!date^1796795657^{date_short_pretty} at {time}|2026-12-09 05:54 UTC>."))
        .singleElement()
        .asString()
        .contains("fallback");
  }

  @Test
  void letsHumaneTextThrough() {
    assertThat(
            HumaneText.violations(
                "<@U0BOB0001> is due <!date^1733300000^{date_short_pretty} at {time}|Fri 4 Dec at"
                    + " 09:00 UTC>, every weekday at 9:00 AM (New York), reports at 16:00 UTC,"
                    + " updates at 10:00, owner's time. Acknowledge within 15 minutes."
                    + " <https://x.slack.com/archives/C1/p1|open the thread>"))
        .isEmpty();
  }

  @Test
  void readsOnlyWhatPeopleSee() {
    String body =
        "{\"channel\":\"U0BOB0001\",\"text\":\"Hi\",\"metadata\":{\"event_payload\":{\"rule\":\"FREQ=DAILY\"}},"
            + "\"blocks\":[{\"type\":\"actions\",\"block_id\":\"U0READER1\",\"elements\":[{\"type\":\"button\","
            + "\"text\":{\"type\":\"plain_text\",\"text\":\"Open\"},\"value\":\"U0BOB0001|PT15M\"}]},"
            + "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"Owner U0BOB0001\"}}]}";
    assertThat(HumaneText.violations(JsonParser.parseString(body).getAsJsonObject()))
        .singleElement()
        .asString()
        .contains("raw user id");
  }
}
