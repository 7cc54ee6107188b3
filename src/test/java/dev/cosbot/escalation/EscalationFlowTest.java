package dev.cosbot.escalation;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.google.gson.JsonObject;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Escalations end to end through signed Slack requests: routing, confidentiality, who may act, the
 * S1 climb.
 */
@QuarkusTest
class EscalationFlowTest extends SlackTestBase {
  @Inject TestClock clock;
  @Inject EscalationService service;
  @Inject dev.cosbot.platform.support.SignedMetadata signer;

  /** The value Slack sends back from a button or form the bot built for escalation {@code id}. */
  private String signed(long id) {
    return signer.signId(id);
  }

  /**
   * Form-encoded Web API calls (views.open from Bolt's client), URL-decoded, containing {@code
   * text}.
   */
  private List<String> awaitFormCalls(String method, String text, int count) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> formCalls(method, text).size() >= count);
    return formCalls(method, text);
  }

  private List<String> formCalls(String method, String text) {
    return slack.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/" + method))
        .map(
            e ->
                java.net.URLDecoder.decode(
                    e.getRequest().getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8))
        .filter(b -> b.contains(text))
        .toList();
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  private void addRule(String area, String owner, String channel, String backup) {
    String text =
        "route add area \""
            + area
            + "\" owner <@"
            + owner
            + "|owner>"
            + (channel == null ? "" : " channel <#" + channel + "|chan>")
            + (backup == null ? "" : " backup <@" + backup + "|backup>");
    // A rule names people Slack knows.
    SlackApiTestResource.knowsUser(slack, owner, owner.toLowerCase(), owner, "UTC");
    if (backup != null) {
      SlackApiTestResource.knowsUser(slack, backup, backup.toLowerCase(), backup, "UTC");
    }
    SlackRequests.cos("U0ADMIN", text)
        .then()
        .statusCode(200)
        .body("text", containsString("Added rule"));
  }

  static String values(
      String title,
      String details,
      String severity,
      String area,
      String link,
      boolean confidential) {
    return EscalationRequests.raiseValues(title, details, severity, area, link, confidential);
  }

  /** Submits the raise modal as {@code reporter}; returns the new escalation's id. */
  private long raise(
      String reporter, String title, String severity, String area, boolean confidential)
      throws Exception {
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                reporter,
                EscalationIds.RAISE_VIEW,
                "",
                values(title, "Details of " + title, severity, area, "", confidential)))
        .then()
        .statusCode(200);
    return scalar(
        "SELECT max(id) FROM escalation WHERE title = '" + title.replace("'", "''") + "'");
  }

  private static String resolveValues(String note) {
    return "{\"esc_resolution\":{\"value\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(note)
        + "}}}";
  }

  private static String status(long id) {
    return "SELECT count(*) FROM escalation WHERE id = " + id + " AND status = ";
  }

  @Test
  void aSecurityRuleRoutesToItsOwnerAndChannel() throws Exception {
    String area = unique("Security");
    addRule(area, "U0SECOWNER", "C0SECURITY", "U0SECBACKUP");
    long id = raise("U0REPORTER", unique("Phishing wave"), "S2", area.toLowerCase(), false);

    JsonObject post =
        awaitCalls("chat.postMessage", "#" + id + " ", 3).stream()
            .filter(b -> b.get("channel").getAsString().equals("C0SECURITY"))
            .findFirst()
            .orElseThrow();
    assertThat(post.toString()).contains(EscalationIds.ACK).contains("<@U0SECOWNER>");
    assertThat(
            matching("chat.postMessage", "#" + id + " ").stream()
                .map(b -> b.get("channel").getAsString()))
        .contains("U0SECOWNER", "U0REPORTER")
        .doesNotContain("U0ADMIN");
    assertThat(
            scalar(
                "SELECT count(*) FROM escalation WHERE id = "
                    + id
                    + " AND route_id IS NOT NULL AND owner_user = 'U0SECOWNER'"
                    + " AND route_label LIKE 'rule #%'"))
        .isEqualTo(1);
    assertThat(
            scalar(
                "SELECT count(*) FROM escalation_audit WHERE escalation_id = "
                    + id
                    + " AND action = 'CREATED'"))
        .isEqualTo(1);
    SlackRequests.cos("U0ADMIN", "route list").then().body("text", containsString(area));
  }

  @Test
  void onlyChiefsOfStaffManageRoutes() throws Exception {
    String area = unique("Sneaky");
    SlackRequests.cos("U0NOSY", "route add area " + area + " owner <@U0NOSY|me>")
        .then()
        .statusCode(200)
        .body("text", containsString("only a Chief of Staff"));
    assertThat(scalar("SELECT count(*) FROM escalation_route WHERE area = '" + area + "'"))
        .isZero();
    SlackRequests.cos("U0ADMIN", "route add area " + area)
        .then()
        .body("text", containsString("needs an owner"));
    addRule(area, "U0SNEAKOWNER", null, null);
    long rule = scalar("SELECT id FROM escalation_route WHERE area = '" + area + "'");
    SlackRequests.cos("U0NOSY", "route remove " + rule)
        .then()
        .body("text", containsString("only a Chief of Staff"));
    SlackRequests.cos("U0ADMIN", "route remove " + rule)
        .then()
        .body("text", containsString("Removed rule #" + rule));
    assertThat(scalar("SELECT count(*) FROM escalation_route WHERE area = '" + area + "'"))
        .isZero();
  }

  @Test
  void anUnmatchedEscalationGoesToTheChiefsOfStaff() throws Exception {
    long id = raise("U0REPORTER", unique("Printer on fire"), "S3", unique("Facilities"), false);
    List<JsonObject> posts = awaitCalls("chat.postMessage", "#" + id + " ", 2);
    assertThat(posts.stream().map(b -> b.get("channel").getAsString()))
        .contains("U0ADMIN", "U0REPORTER")
        .allMatch(c -> c.startsWith("U"));
    assertThat(
            scalar(
                "SELECT count(*) FROM escalation WHERE id = "
                    + id
                    + " AND route_id IS NULL AND owner_user IS NULL"
                    + " AND route_label LIKE '%default route%'"))
        .isEqualTo(1);
  }

  @Test
  void aConfidentialEscalationIsNeverPostedToAChannel() throws Exception {
    String area = unique("Security");
    addRule(area, "U0SECOWNER", "C0SECURITY", "U0SECBACKUP");
    long id = raise("U0REPORTER", unique("Insider leak"), "S1", area, true);
    List<JsonObject> posts = awaitCalls("chat.postMessage", "#" + id + " ", 3);
    assertThat(posts.stream().map(b -> b.get("channel").getAsString()))
        .contains("U0SECOWNER", "U0ADMIN", "U0REPORTER");
    // Even the climb messages stay in DMs.
    clock.advance(Duration.ofMinutes(16));
    assertThat(service.climb(id, 1)).isTrue();
    awaitCalls("chat.postMessage", "escalated to the backup", 1);
    awaitCalls("chat.postMessage", "U0SECBACKUP", 1);
    assertThat(
            calls("chat.postMessage").stream()
                .filter(
                    b ->
                        b.toString().contains("#" + id + " ")
                            || b.toString().contains("Insider leak")))
        .allMatch(b -> !b.has("channel") || !b.get("channel").getAsString().startsWith("C"));
    assertThat(
            matching("chat.postMessage", "C0SECURITY").stream()
                .filter(b -> b.toString().contains("Insider leak")))
        .isEmpty();
  }

  @Test
  void resolvingAfterTheOutboxWasPurgedStillUpdatesReporterThreadAndCard() throws Exception {
    String area = unique("Purge");
    addRule(area, "U0PURGEOWNER", "C0PURGE", null);
    long id = raise("U0PURGEREPORTER", unique("Old incident"), "S2", area, false);
    awaitCalls("chat.postMessage", "U0PURGEREPORTER", 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                scalar(
                        "SELECT count(*) FROM outbox_message WHERE idempotency_key LIKE 'esc:"
                            + id
                            + ":%' AND status <> 'SENT'")
                    == 0);
    String cardChannel =
        calls("chat.postMessage").stream()
            .filter(c -> "C0PURGE".equals(c.get("channel").getAsString()))
            .filter(c -> c.toString().contains("#" + id))
            .findFirst()
            .map(c -> c.get("channel").getAsString())
            .orElseThrow();
    // The 30-day purge (OutboxHousekeeping) removes every delivered row of this escalation.
    execute(
        "DELETE FROM outbox_message WHERE status = 'SENT' AND idempotency_key LIKE 'esc:"
            + id
            + ":%'");
    assertThat(
            scalar(
                "SELECT count(*) FROM outbox_message WHERE idempotency_key LIKE 'esc:"
                    + id
                    + ":%'"))
        .isZero();

    SlackRequests.interaction(
            SlackRequests.blockAction("U0PURGEOWNER", EscalationIds.RESOLVE, signed(id), "b"))
        .then()
        .statusCode(200);
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0PURGEOWNER",
                EscalationIds.RESOLVE_VIEW,
                signed(id),
                resolveValues("Rolled back " + id)))
        .then()
        .statusCode(200);
    assertThat(scalar(status(id) + "'RESOLVED'")).isEqualTo(1);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                calls("chat.update").stream()
                        .filter(u -> u.has("ts") && !u.get("ts").getAsString().isBlank())
                        .map(u -> u.get("channel").getAsString())
                        .filter(c -> c.equals("U0PURGEREPORTER") || c.equals(cardChannel))
                        .distinct()
                        .count()
                    == 2);
    JsonObject reply =
        awaitCalls("chat.postMessage", "Rolled back " + id, 2).stream()
            .filter(c -> c.has("thread_ts"))
            .findFirst()
            .orElseThrow();
    assertThat(reply.get("channel").getAsString()).isEqualTo("C0PURGE");
    assertThat(reply.get("thread_ts").getAsString())
        .as("the thread reply targets the card kept after the purge")
        .isNotBlank()
        .isNotEqualTo("{{ts}}");
    assertThat(
            scalar(
                "SELECT count(*) FROM outbox_message WHERE status = 'DEAD' AND idempotency_key LIKE 'esc:"
                    + id
                    + ":%'"))
        .as("nothing dead-lettered as original_message_not_delivered")
        .isZero();
  }

  private void addGroupRule(String area, String group, String channel) {
    SlackRequests.cos(
            "U0ADMIN",
            "route add area \""
                + area
                + "\" owner <!subteam^"
                + group
                + "|@oncall>"
                + (channel == null ? "" : " channel <#" + channel + "|chan>"))
        .then()
        .statusCode(200)
        .body("text", containsString("Added rule"));
  }

  private void groupMembers(String group, String... members) {
    slack.stubFor(
        post(urlPathEqualTo("/api/usergroups.users.list"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson(
                    "{\"ok\":true,\"users\":[\"" + String.join("\",\"", members) + "\"]}")));
  }

  @Test
  void aUserGroupOwnerSharesOneCardAndOneAcknowledgementUpdatesEveryCopy() throws Exception {
    groupMembers("S0ONCALL", "U0ONCALLA", "U0ONCALLB", "U0ONCALLC");

    // With a channel, the group shares the one card there: it is mentioned, nobody gets a DM.
    String area = unique("Oncall");
    addGroupRule(area, "S0ONCALL", "C0ONCALL");
    long shared = raise("U0GREPORTER", unique("Queue stuck"), "S1", area, false);
    JsonObject card =
        awaitCalls("chat.postMessage", "*#" + shared + " ", 1).stream()
            .filter(c -> "C0ONCALL".equals(c.get("channel").getAsString()))
            .findFirst()
            .orElseThrow();
    assertThat(card.toString())
        .contains("<!subteam^S0ONCALL>")
        .contains("acknowledge it within 15 minutes")
        .contains("<!date^")
        .contains(EscalationIds.ACK);
    awaitCalls("chat.postMessage", "U0GREPORTER", 1);
    assertThat(
            calls("chat.postMessage").stream()
                .filter(c -> c.toString().contains("#" + shared + " "))
                .map(c -> c.get("channel").getAsString())
                .filter(ch -> ch.startsWith("U0ONCALL")))
        .as("no DM per member")
        .isEmpty();

    SlackRequests.interaction(
            SlackRequests.blockAction("U0ONCALLB", EscalationIds.ACK, signed(shared), "b"))
        .then()
        .statusCode(200);
    awaitScalar(status(shared) + "'ACKNOWLEDGED'", 1);
    JsonObject news =
        awaitCalls("chat.postMessage", "acknowledged your escalation", 1).stream()
            .filter(c -> c.toString().contains("#" + shared + " "))
            .findFirst()
            .orElseThrow();
    assertThat(news.get("channel").getAsString()).isEqualTo("U0GREPORTER");
    assertThat(news.has("ts")).as("a new message, which notifies, not an edit").isFalse();
    assertThat(news.toString()).contains("<@U0ONCALLB>");
    awaitCalls("chat.update", "*Acknowledged* by <@U0ONCALLB>", 1);

    // Without a channel each member has a copy: one member's acknowledgement updates all three.
    String area2 = unique("Oncall");
    addGroupRule(area2, "S0ONCALL", null);
    long id = raise("U0GREPORTER", unique("Disk full"), "S2", area2, false);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                calls("chat.postMessage").stream()
                        .filter(c -> c.toString().contains("#" + id + " "))
                        .map(c -> c.get("channel").getAsString())
                        .filter(ch -> ch.startsWith("U0ONCALL"))
                        .distinct()
                        .count()
                    == 3);
    assertThat(
            calls("chat.postMessage").stream()
                .filter(c -> c.toString().contains("#" + id + " "))
                .map(c -> c.get("channel").getAsString())
                .filter(ch -> ch.startsWith("U0ONCALL"))
                .distinct())
        .containsExactlyInAnyOrder("U0ONCALLA", "U0ONCALLB", "U0ONCALLC");

    SlackRequests.interaction(
            SlackRequests.blockAction("U0ONCALLC", EscalationIds.ACK, signed(id), "b"))
        .then()
        .statusCode(200);
    awaitScalar(status(id) + "'ACKNOWLEDGED'", 1);
    java.util.function.Supplier<List<JsonObject>> ackUpdates =
        () ->
            matching("chat.update", "*Acknowledged* by <@U0ONCALLC>").stream()
                .filter(u -> u.toString().contains("*#" + id + " "))
                .toList();
    await().atMost(Duration.ofSeconds(20)).until(() -> ackUpdates.get().size() >= 3);
    List<JsonObject> updates = ackUpdates.get();
    assertThat(updates.stream().map(u -> u.get("channel").getAsString()).distinct())
        .containsExactlyInAnyOrder("U0ONCALLA", "U0ONCALLB", "U0ONCALLC");
    assertThat(updates)
        .as("no copy keeps an Acknowledge button")
        .allSatisfy(u -> assertThat(u.toString()).doesNotContain(EscalationIds.ACK + "\""));
    assertThat(
            awaitCalls("chat.postMessage", "acknowledged your escalation *#" + id, 1)
                .get(0)
                .get("channel")
                .getAsString())
        .isEqualTo("U0GREPORTER");

    // Reassigning to the person who already owns it is refused on the form; resolving tells the
    // reporter in a new message and leaves no buttons on any copy.
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ONCALLC",
                EscalationIds.REASSIGN_VIEW,
                signed(id),
                "{\"esc_new_owner\":{\"value\":{\"type\":\"users_select\",\"selected_user\":\"U0ONCALLA\"}}}"))
        .then()
        .statusCode(200);
    awaitCalls("chat.postMessage", "is now with <@U0ONCALLA>", 1);
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ONCALLA",
                EscalationIds.REASSIGN_VIEW,
                signed(id),
                "{\"esc_new_owner\":{\"value\":{\"type\":\"users_select\",\"selected_user\":\"U0ONCALLA\"}}}"))
        .then()
        .statusCode(200)
        .body("errors.esc_new_owner", containsString("already owns"));
    assertThat(matching("chat.postMessage", "reassigned it from <@U0ONCALLA> to <@U0ONCALLA>"))
        .isEmpty();
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ONCALLA", EscalationIds.RESOLVE_VIEW, signed(id), resolveValues("Cleaned up")))
        .then()
        .statusCode(200);
    awaitCalls("chat.postMessage", "resolved your escalation *#" + id, 1);
    List<JsonObject> resolved =
        awaitCalls("chat.update", "*Resolved* by <@U0ONCALLA>", 4).stream()
            .filter(u -> u.toString().contains("*#" + id + " "))
            .toList();
    assertThat(resolved).allSatisfy(u -> assertThat(u.toString()).doesNotContain("\"actions\""));
  }

  @Test
  void onlyTheOwnerAChiefOfStaffOrTheCxoMayAct() throws Exception {
    String area = unique("Billing");
    addRule(area, "U0BILLOWNER", null, null);
    long id = raise("U0REPORTER", unique("Invoices wrong"), "S2", area, false);
    awaitCalls("chat.postMessage", "U0REPORTER", 1);

    SlackRequests.interaction(
            SlackRequests.blockAction("U0NOSY", EscalationIds.ACK, signed(id), "b"))
        .then()
        .statusCode(200);
    assertThat(awaitCalls("chat.postEphemeral", "U0NOSY", 1).get(0).get("text").getAsString())
        .contains("only the owner");
    SlackRequests.interaction(
            SlackRequests.blockAction("U0NOSY", EscalationIds.RESOLVE, signed(id), "b"))
        .then()
        .statusCode(200);
    awaitCalls("chat.postEphemeral", "U0NOSY", 2);
    assertThat(formCalls("views.open", "")).isEmpty();
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0NOSY", EscalationIds.RESOLVE_VIEW, signed(id), resolveValues("done")))
        .then()
        .statusCode(200)
        .body("response_action", equalTo("errors"));
    assertThat(scalar(status(id) + "'OPEN'")).isEqualTo(1);

    SlackRequests.interaction(
            SlackRequests.blockAction("U0BILLOWNER", EscalationIds.ACK, signed(id), "b"))
        .then()
        .statusCode(200);
    awaitScalar(status(id) + "'ACKNOWLEDGED'", 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                matching("chat.update", "acknowledged by").stream()
                    .anyMatch(u -> "U0REPORTER".equals(u.get("channel").getAsString())));

    SlackRequests.interaction(
            SlackRequests.blockAction("U0BILLOWNER", EscalationIds.RESOLVE, signed(id), "b"))
        .then()
        .statusCode(200);
    assertThat(awaitFormCalls("views.open", EscalationIds.RESOLVE_VIEW, 1)).hasSize(1);
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0BILLOWNER", EscalationIds.RESOLVE_VIEW, signed(id), resolveValues(" ")))
        .then()
        .statusCode(200)
        .body("errors." + EscalationIds.B_RESOLUTION, containsString("how it was resolved"));
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0BILLOWNER",
                EscalationIds.RESOLVE_VIEW,
                signed(id),
                resolveValues("Credit notes sent")))
        .then()
        .statusCode(200);
    assertThat(scalar(status(id) + "'RESOLVED'")).isEqualTo(1);
    awaitCalls("chat.update", "Credit notes sent", 1);
    assertThat(
            scalar(
                "SELECT count(*) FROM escalation_audit WHERE escalation_id = "
                    + id
                    + " AND action IN ('CREATED','ACKNOWLEDGED','RESOLVED')"))
        .isEqualTo(3);

    // The CXO may act too (here: reassign an escalation they do not own).
    long other = raise("U0REPORTER", unique("Refund stuck"), "S3", area, false);
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0CXO",
                EscalationIds.REASSIGN_VIEW,
                signed(other),
                "{\"esc_new_owner\":{\"value\":{\"type\":\"users_select\",\"selected_user\":\"U0NEWOWNER\"}}}"))
        .then()
        .statusCode(200);
    assertThat(
            scalar(
                "SELECT count(*) FROM escalation WHERE id = "
                    + other
                    + " AND owner_user = 'U0NEWOWNER'"))
        .isEqualTo(1);
    awaitCalls("chat.postMessage", "reassigned this escalation to you", 1);
  }

  @Test
  void aTamperedButtonValueOrFormIdGetsThePoliteCantFindAnswerAndChangesNothing() throws Exception {
    String area = unique("Tamper");
    addRule(area, "U0TAMPOWNER", null, null);
    long id = raise("U0TAMPREPORTER", unique("Tampered"), "S2", area, false);
    awaitCalls("chat.postMessage", "U0TAMPOWNER", 1);
    String good = signed(id);
    String otherId = String.valueOf(id + 1) + good.substring(good.indexOf('~'));

    for (String value : List.of(String.valueOf(id), otherId, good + "x", "", "abc~def")) {
      SlackRequests.interaction(
              SlackRequests.blockAction("U0TAMPOWNER", EscalationIds.ACK, value, "b"))
          .then()
          .statusCode(200);
    }
    awaitCalls("chat.postEphemeral", "can't find that escalation", 5);
    assertThat(matching("chat.postEphemeral", "U0TAMPOWNER"))
        .allMatch(b -> b.get("text").getAsString().contains("can't find that escalation"));
    SlackRequests.interaction(
            SlackRequests.blockAction("U0TAMPOWNER", EscalationIds.RESOLVE, otherId, "b"))
        .then()
        .statusCode(200);
    awaitCalls("chat.postEphemeral", "can't find that escalation", 6);
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0TAMPOWNER", EscalationIds.RESOLVE_VIEW, otherId, resolveValues("done")))
        .then()
        .statusCode(200)
        .body("errors." + EscalationIds.B_RESOLUTION, containsString("can't find"));
    assertThat(formCalls("views.open", "")).isEmpty();
    assertThat(scalar(status(id) + "'OPEN'")).isEqualTo(1);

    // The untouched value still works.
    SlackRequests.interaction(
            SlackRequests.blockAction("U0TAMPOWNER", EscalationIds.ACK, good, "b"))
        .then()
        .statusCode(200);
    awaitScalar(status(id) + "'ACKNOWLEDGED'", 1);
  }

  @Test
  void anUnacknowledgedS1ClimbsTheChainUntilSomeoneAcknowledges() throws Exception {
    String area = unique("Platform");
    addRule(area, "U0PLATOWNER", "C0PLATFORM", "U0PLATBACKUP");
    long id = raise("U0REPORTER", unique("Checkout down"), "S1", area, false);
    awaitCalls("chat.postMessage", "C0PLATFORM", 1);

    assertThat(service.climb(id, 1)).as("not due yet").isFalse();
    clock.advance(Duration.ofMinutes(16));
    assertThat(service.climb(id, 1)).isTrue();
    assertThat(service.climb(id, 1)).as("a re-fired timer repeats nothing").isFalse();
    JsonObject thread = awaitCalls("chat.postMessage", "escalated to the backup", 1).get(0);
    assertThat(thread.get("channel").getAsString()).isEqualTo("C0PLATFORM");
    assertThat(thread.has("thread_ts")).isTrue();
    awaitCalls("chat.postMessage", "Escalated to you", 1);
    assertThat(matching("chat.postMessage", "Escalated to you").get(0).get("channel").getAsString())
        .isEqualTo("U0PLATBACKUP");

    assertThat(service.climb(id, 2)).as("the next step waits another ack target").isFalse();
    clock.advance(Duration.ofMinutes(16));
    assertThat(service.climb(id, 2)).isTrue();
    awaitCalls("chat.postMessage", "escalated to the Chiefs of Staff", 1);
    assertThat(
            awaitCalls("chat.postMessage", "Escalated to you", 2).stream()
                .map(b -> b.get("channel").getAsString()))
        .contains("U0PLATBACKUP", "U0ADMIN");
    assertThat(
            scalar(
                "SELECT count(*) FROM escalation_audit WHERE escalation_id = "
                    + id
                    + " AND action = 'CLIMBED'"))
        .isEqualTo(2);

    // The backup (now in the chain) acknowledges: the climb stops before the CXO.
    SlackRequests.interaction(
            SlackRequests.blockAction("U0PLATBACKUP", EscalationIds.ACK, signed(id), "b"))
        .then()
        .statusCode(200);
    awaitScalar(status(id) + "'ACKNOWLEDGED'", 1);
    clock.advance(Duration.ofMinutes(16));
    assertThat(service.climb(id, 3)).isFalse();
    assertThat(scalar("SELECT count(*) FROM escalation_step WHERE escalation_id = " + id))
        .isEqualTo(2);
    assertThat(
            matching("chat.postMessage", "U0CXO").stream()
                .filter(b -> b.toString().contains("#" + id + " ")))
        .isEmpty();
  }

  @Test
  void userTextIsShownAsTextNeverAsMentionsOrDisguisedLinks() throws Exception {
    String evil = "Help <!channel> <!here> <@U0CEO> <https://evil.example|bank>";
    long id =
        raise(
            "U0REPORTER",
            evil + " " + UUID.randomUUID().toString().substring(0, 6),
            "S3",
            "<!here> area",
            false);
    List<JsonObject> posts = awaitCalls("chat.postMessage", "#" + id + " ", 2);
    for (JsonObject post : posts) {
      String body = post.toString();
      assertThat(body)
          .doesNotContain("<!channel>")
          .doesNotContain("<!here>")
          .doesNotContain("<@U0CEO>")
          .doesNotContain("<https://evil")
          .contains("&lt;!channel&gt;")
          .contains("&lt;https://evil.example|bank&gt;");
    }
    SlackRequests.cos("U0REPORTER", "escalations mine")
        .then()
        .statusCode(200)
        .body("text", containsString("&lt;!channel&gt;"));
  }

  @Test
  void invalidFormInputIsRefusedFieldByField() throws Exception {
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0REPORTER",
                EscalationIds.RAISE_VIEW,
                "",
                values("", "", "S9", "", "javascript:alert(1)", false)))
        .then()
        .statusCode(200)
        .body("response_action", equalTo("errors"))
        .body("errors." + EscalationIds.B_TITLE, containsString("title"))
        .body("errors." + EscalationIds.B_SEVERITY, containsString("S1"))
        .body("errors." + EscalationIds.B_AREA, containsString("area"))
        .body("errors." + EscalationIds.B_LINK, containsString("https://"));
  }

  @Test
  void slashCommandAndShortcutOpenThePrefilledForm() throws Exception {
    SlackRequests.command("U0REPORTER", "/escalate", "VPN is down for Berlin")
        .then()
        .statusCode(200);
    assertThat(awaitFormCalls("views.open", "VPN is down for Berlin", 1).get(0))
        .contains(EscalationIds.RAISE_VIEW);

    SlackRequests.cos("U0REPORTER", "escalate Build farm is red").then().statusCode(200);
    awaitFormCalls("views.open", "Build farm is red", 1);

    slack.stubFor(
        post(urlPathEqualTo("/api/chat.getPermalink"))
            .atPriority(5)
            .willReturn(
                SlackApiTestResource.okJson(
                    "{\"ok\":true,\"channel\":\"C0GENERAL\",\"permalink\":\"https://acme.slack.com/archives/C0GENERAL/p1700000000000100\"}")));
    SlackRequests.interaction(
            SlackRequests.messageShortcut(
                "U0REPORTER",
                EscalationIds.SHORTCUT,
                "C0GENERAL",
                "1700000000.000100",
                "Customers cannot log in"))
        .then()
        .statusCode(200);
    String modal = awaitFormCalls("views.open", "Customers cannot log in", 1).get(0);
    assertThat(modal).contains("https://acme.slack.com/archives/C0GENERAL/p1700000000000100");
  }

  @Test
  void listsAndTheAdminApi() throws Exception {
    String area = unique("Legal");
    long open = raise("U0REPORTER", unique("Contract clause"), "S2", area, false);
    long secret = raise("U0REPORTER", unique("Secret merger"), "S1", area, true);
    SlackRequests.cos("U0STRANGER", "escalations " + area)
        .then()
        .statusCode(200)
        .body("text", containsString("#" + open + "*"))
        .body("text", containsString("Contract clause"))
        .body("text", org.hamcrest.Matchers.not(containsString(":lock: confidential")))
        .body("text", org.hamcrest.Matchers.not(containsString("#" + secret + "*")))
        .body("text", org.hamcrest.Matchers.not(containsString("Secret merger")));
    SlackRequests.cos("U0ADMIN", "escalations " + area)
        .then()
        .body("text", containsString("Secret merger"));

    given().get("/api/v1/escalations").then().statusCode(401);
    given()
        .header("Authorization", "Bearer test-api-token")
        .queryParam("area", area)
        .get("/api/v1/escalations")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1))
        .body("[0].severity", equalTo("S2"));
    // The API token is nobody in particular: a confidential escalation does not exist for it.
    given()
        .header("Authorization", "Bearer test-api-token")
        .get("/api/v1/escalations/" + secret)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", "Bearer test-api-token")
        .get("/api/v1/escalations/" + open)
        .then()
        .statusCode(200)
        .body("audit[0].action", equalTo("CREATED"));

    SlackRequests.interaction(
            SlackRequests.blockAction("U0ADMIN", EscalationIds.ACK, signed(open), "b"))
        .then()
        .statusCode(200);
    awaitScalar(status(open) + "'ACKNOWLEDGED'", 1);
    given()
        .header("Authorization", "Bearer test-api-token")
        .get("/api/v1/escalations/stats")
        .then()
        .statusCode(200)
        .body("find { it.area == '" + area + "' }.total", equalTo(1))
        .body("find { it.area == '" + area + "' }.acknowledged", equalTo(1));
  }
}
