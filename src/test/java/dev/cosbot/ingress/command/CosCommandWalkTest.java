package dev.cosbot.ingress.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.testsupport.BlockKitLimits;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Walks every {@code /cos} subcommand with missing, wrong and extra arguments through signed
 * requests: each answer is a usage or a suggestion (names a command to type), never an empty
 * report, a stack trace, or the arguments taken as data.
 */
@QuarkusTest
class CosCommandWalkTest extends SlackTestBase {
  private static final String ADMIN = "U0ADMIN";

  /** Typed text → words the answer must contain. */
  private static Map<String, String> misfits() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("stauts", "Did you mean `/cos status`?");
    m.put("frobnicate now", "I don't know `/cos frobnicate`");
    m.put("help nosuchtopic", "I don't know `/cos help nosuchtopic`");
    m.put("help survyes", "Did you mean `/cos help surveys`?");
    m.put("admin", "`/cos admin` needs a little more");
    m.put("admin lsit", "Did you mean `/cos admin list`?");
    m.put("admin frob", "“frob” doesn't fit here");
    m.put("admin add", "`/cos admin add|remove @user`");
    m.put("admin add nobody", "`/cos admin add|remove @user`");
    m.put("admin cxo <@U0ONE> <@U0TWO>", "I didn't expect “<@U0TWO>” there");
    m.put("admin list everyone", "I didn't expect “everyone” there");
    m.put("admin outbox retry now", "I didn't expect “now” there");
    m.put("digest", "`/cos digest` needs a little more");
    m.put("digest preveiw", "Did you mean `/cos digest preview`?");
    m.put("digest pin", "`/cos digest pin|mute <key or words>`");
    m.put("digest pins all", "I didn't expect “all” there");
    m.put("decisions all", "`/cos decisions [open]`");
    m.put("decisions open now", "I didn't expect “now” there");
    m.put("cadence", "`/cos cadence` needs a little more");
    m.put("cadence nxt", "Did you mean `/cos cadence next`?");
    m.put("cadence next soon", "`/cos cadence next [n]`");
    m.put("cadence next 2 3", "I didn't expect “3” there");
    m.put("cadence pause", "`/cos cadence pause|resume|remove <name>`");
    m.put("cadence skip Weekly", "`/cos cadence skip <name> <date>`");
    m.put("cadence list all", "I didn't expect “all” there");
    m.put("pulse", "`/cos pulse` needs a little more");
    m.put("pulse reslts", "Did you mean `/cos pulse results`?");
    m.put("pulse list everything", "I didn't expect “everything” there");
    m.put("pulse new survey", "I didn't expect “survey” there");
    m.put("initiative", "`/cos initiative` needs a little more");
    m.put("initiative nwe", "Did you mean `/cos initiative new`?");
    m.put("initiative edit", "`/cos initiative edit|done <name>`");
    m.put("initiative new Platform", "I didn't expect “Platform” there");
    m.put("report nosuchteam", "There's no initiative or team called “nosuchteam”");
    m.put("route", "`/cos route` needs a little more");
    m.put("route lst", "Did you mean `/cos route list`?");
    m.put("route remove", "`/cos route list | remove <n>`");
    m.put("route remove four", "`/cos route list | remove <n>`");
    m.put("route list all", "I didn't expect “all” there");
    return m;
  }

  @Test
  void everySubcommandAnswersMisfitsWithAUsageOrASuggestion() {
    misfits()
        .forEach(
            (typed, expected) -> {
              Response response = SlackRequests.cos(ADMIN, typed);
              String body = response.asString();
              assertThat(response.statusCode()).as(typed).isEqualTo(200);
              String text = response.jsonPath().getString("text");
              assertThat(text).as("/cos %s", typed).contains(expected).contains("`/cos ");
              assertThat(body).as(typed).doesNotContain("Exception").doesNotContain("at dev.");
              assertThat(response.jsonPath().getString("response_type")).isEqualTo("ephemeral");
              BlockKitLimits.assertAckValid(body);
            });
    // Nothing was taken as data: no modal opened, no message sent, nothing stored.
    assertThat(
            slack.getAllServeEvents().stream()
                .map(e -> e.getRequest().getUrl())
                .filter(
                    url ->
                        url.endsWith("/api/views.open")
                            || url.endsWith("/api/chat.postMessage")
                            || url.endsWith("/api/chat.postEphemeral")))
        .isEmpty();
  }

  @Test
  void aMemberGetsUsageOnlyForWhatTheyMayDoAndIsRefusedTheRest() {
    String text = SlackRequests.cos("U0MEMBER1", "initiative nwe").jsonPath().getString("text");
    assertThat(text).contains("Did you mean `/cos initiative new`?");
    String admin = SlackRequests.cos("U0MEMBER1", "admin lsit").jsonPath().getString("text");
    assertThat(admin).contains("only a Chief of Staff can do that").doesNotContain("outbox");
    String help = SlackRequests.cos("U0MEMBER1", "help").jsonPath().getString("text");
    assertThat(help)
        .contains("*Share progress*")
        .containsPattern("Questions\\? Ask <@U0[A-Z0-9]+>")
        .doesNotContain("/cos admin")
        .doesNotContain("/api/");
    assertThat(help.lines().count()).isLessThanOrEqualTo(12);
  }

  @Test
  void theChiefOfStaffGetsShortGroupedHelpAndDetailsPerTopic() {
    String help = SlackRequests.cos(ADMIN, "help").jsonPath().getString("text");
    assertThat(help)
        .contains("*As Chief of Staff*")
        .contains(":bar_chart: *Surveys* — `/cos pulse new`")
        .doesNotContain("Questions? Ask");
    assertThat(help.lines().count()).isLessThanOrEqualTo(20);
    String surveys = SlackRequests.cos(ADMIN, "help surveys").jsonPath().getString("text");
    assertThat(surveys).contains("`/cos pulse new` — ").contains("`/cos pulse list` — ");
    String viaCommand = SlackRequests.cos(ADMIN, "help pulse").jsonPath().getString("text");
    assertThat(viaCommand).isEqualTo(surveys);
  }
}
