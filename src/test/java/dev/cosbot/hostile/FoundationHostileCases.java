package dev.cosbot.hostile;

import static dev.cosbot.hostile.HostileCase.mayWrite;
import static dev.cosbot.hostile.HostileCase.refused;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Hostile inputs against the foundation: the Slack endpoint, /cos routing, roles, events, metadata
 * signing.
 */
@ApplicationScoped
public class FoundationHostileCases implements HostileCases {
  static final String FORM = "application/x-www-form-urlencoded";
  static final String JSON = "application/json";
  static final String SECRET = SlackApiTestResource.SIGNING_SECRET;

  /** Live mrkdwn a user could type: each must reach Slack escaped, never live. */
  static final List<String> INJECTIONS =
      List.of(
          "<!channel>",
          "<!here>",
          "<!everyone>",
          "<@U0ADMIN>",
          "<http://evil.example|click>",
          "<#C0GENERAL>");

  @Inject AgroalDataSource dataSource;
  @Inject SignedMetadata signedMetadata;

  @Override
  public List<String> watchedTables() {
    return List.of("person", "workspace_setting", "outbox_message", "slack_event_receipt");
  }

  @Override
  public List<HostileCase> cases() {
    List<HostileCase> cases = new ArrayList<>();
    signatures(cases);
    sizes(cases);
    malformed(cases);
    unknownIds(cases);
    metadata(cases);
    roles(cases);
    injection(cases);
    sql(cases);
    return cases;
  }

  private void signatures(List<HostileCase> cases) {
    String body = SlackRequests.commandBody("U0ADMIN", "/cos", "admin add <@U0INTRUDER>");
    long now = Instant.now().getEpochSecond();
    cases.add(
        refused(
            "signature",
            "no signature headers",
            "401",
            () -> expect(given().contentType(FORM).body(body).post("/slack/events"), 401)));
    cases.add(
        refused(
            "signature",
            "signature made with another secret",
            "401",
            () ->
                expect(
                    SlackRequests.signedAt(
                        body, FORM, Instant.now().getEpochSecond(), "not-the-secret"),
                    401)));
    cases.add(
        refused(
            "signature",
            "valid signature of a different body (tampered body)",
            "401",
            () ->
                expect(
                    raw(
                        body.replace("U0INTRUDER", "U0INTRUDR2"),
                        Instant.now().getEpochSecond(),
                        SlackRequests.signature(SECRET, Instant.now().getEpochSecond(), body)),
                    401)));
    cases.add(
        refused(
            "signature",
            "garbage signature header",
            "401",
            () -> expect(raw(body, Instant.now().getEpochSecond(), "v0=zz<script>"), 401)));
    cases.add(
        refused(
            "signature",
            "signature without the v0= prefix",
            "401",
            () -> {
              long ts = Instant.now().getEpochSecond();
              return expect(
                  raw(body, ts, SlackRequests.signature(SECRET, ts, body).substring(3)), 401);
            }));
    cases.add(
        refused(
            "signature",
            "replayed request signed 6 minutes ago",
            "401",
            () ->
                expect(
                    SlackRequests.signedAt(
                        body, FORM, Instant.now().getEpochSecond() - 360, SECRET),
                    401)));
    cases.add(
        refused(
            "signature",
            "replayed request signed a day ago",
            "401",
            () ->
                expect(
                    SlackRequests.signedAt(
                        body, FORM, Instant.now().getEpochSecond() - 86_400, SECRET),
                    401)));
    cases.add(
        refused(
            "signature",
            "timestamp 10 minutes in the future",
            "401",
            () ->
                expect(
                    SlackRequests.signedAt(
                        body, FORM, Instant.now().getEpochSecond() + 600, SECRET),
                    401)));
    cases.add(
        refused(
            "signature",
            "non-numeric timestamp",
            "401",
            () ->
                expect(
                    given()
                        .header("X-Slack-Request-Timestamp", "yesterday")
                        .header("X-Slack-Signature", SlackRequests.signature(SECRET, now, body))
                        .contentType(FORM)
                        .body(body)
                        .post("/slack/events"),
                    401)));
    cases.add(
        refused(
            "signature",
            "empty body, no signature",
            "401",
            () -> expect(given().contentType(FORM).body("").post("/slack/events"), 401)));
  }

  /**
   * A client sending a body over the limit announces it with {@code Expect: 100-continue} and
   * waits: the server refuses on the headers, so the 413 is read instead of racing the server's
   * close of a half-sent body (a "broken pipe" that says nothing about the server).
   */
  private static io.restassured.specification.RequestSpecification oversized() {
    return given()
        .config(
            io.restassured.RestAssured.config()
                .httpClient(
                    io.restassured.config.HttpClientConfig.httpClientConfig()
                        .setParam("http.protocol.expect-continue", true)));
  }

  private static Response signedOversized(String body, String contentType) {
    long ts = java.time.Instant.now().getEpochSecond();
    return oversized()
        .header("X-Slack-Request-Timestamp", String.valueOf(ts))
        .header(
            "X-Slack-Signature",
            SlackRequests.signature(SlackApiTestResource.SIGNING_SECRET, ts, body))
        .contentType(contentType)
        .body(body)
        .post("/slack/events");
  }

  private void sizes(List<HostileCase> cases) {
    String huge = "text=" + "x".repeat(600_000);
    cases.add(
        refused(
            "size",
            "600 KB body without signature",
            "413 before parsing",
            () -> expect(oversized().contentType(FORM).body(huge).post("/slack/events"), 413)));
    cases.add(
        refused(
            "size",
            "600 KB body correctly signed",
            "413 before parsing",
            () -> expect(signedOversized(huge, FORM), 413)));
    cases.add(
        refused(
            "size",
            "600 KB JSON event correctly signed",
            "413",
            () ->
                expect(
                    signedOversized(
                        SlackRequests.eventBody(
                            "EvHUGE" + id(),
                            "{\"type\":\"app_home_opened\",\"user\":\"U0X\",\"tab\":\""
                                + "h".repeat(600_000)
                                + "\"}"),
                        JSON),
                    413)));
    cases.add(
        refused(
            "size",
            "a 600 KB body to the admin API",
            "413",
            () ->
                expect(
                    oversized()
                        .auth()
                        .oauth2("test-api-token")
                        .contentType(JSON)
                        .body("{\"x\":\"" + "y".repeat(600_000) + "\"}")
                        .post("/api/v1/outbox/retry-dead"),
                    413)));
  }

  private void malformed(List<HostileCase> cases) {
    cases.add(
        refused(
            "malformed",
            "truncated JSON event",
            "400",
            () ->
                expect(
                    SlackRequests.signed("{\"type\":\"event_callback\",\"event\":", JSON), 400)));
    cases.add(
        refused(
            "malformed",
            "JSON array instead of an object",
            "400",
            () -> expect(SlackRequests.signed("[1,2,3]", JSON), 400)));
    cases.add(
        refused(
            "malformed",
            "event_callback whose event is a string",
            "400",
            () ->
                expect(
                    SlackRequests.signed(
                        "{\"type\":\"event_callback\",\"event_id\":\"EvBAD"
                            + id()
                            + "\",\"event\":\"boom\"}",
                        JSON),
                    400,
                    404)));
    cases.add(
        refused(
            "malformed",
            "interaction payload that is not JSON",
            "400",
            () -> expect(SlackRequests.signed("payload=%7Bnot-json", FORM), 400)));
    cases.add(
        refused(
            "malformed",
            "interaction payload of the wrong shape",
            "400",
            () ->
                expect(
                    SlackRequests.interaction(
                        "{\"type\":\"block_actions\",\"actions\":\"nope\",\"user\":42}"),
                    400,
                    404)));
    cases.add(
        refused(
            "malformed",
            "broken percent-encoding in a form",
            "400",
            () ->
                expect(
                    SlackRequests.signed("command=%2Fcos&text=%ZZ%&user_id=U0ADMIN", FORM),
                    400,
                    404)));
    cases.add(
        refused(
            "malformed",
            "signed empty body",
            "400",
            () -> expect(SlackRequests.signed("", FORM), 400, 404)));
    cases.add(
        refused(
            "malformed",
            "JSON sent as a form",
            "refused or answered harmlessly, nothing changed",
            () ->
                expect(
                    SlackRequests.signed(
                        "{\"type\":\"url_verification\",\"challenge\":\"x\"}", FORM),
                    200,
                    400,
                    404)));
    cases.add(
        refused(
            "malformed",
            "slash command without user_id",
            "400",
            () ->
                expect(
                    SlackRequests.signed(
                        SlackRequests.form(
                            "command", "/cos", "text", "admin list", "team_id", "T0ACME"),
                        FORM),
                    400,
                    404)));
    cases.add(
        refused(
            "malformed",
            "NUL bytes and invalid UTF-16 in a command",
            "200, no crash",
            () -> expect(SlackRequests.cos("U0MEMBER", "\u0000\uD800 admin"), 200)));
  }

  private void unknownIds(List<HostileCase> cases) {
    cases.add(
        mayWrite(
            "unknown-id",
            "button with an unknown action_id",
            "200; only a \"no longer available\" answer is queued",
            () ->
                expect(
                    SlackRequests.interaction(
                        SlackRequests.blockAction("U0ADMIN", "evil_action_" + id(), "v", "b")),
                    200)));
    cases.add(
        refused(
            "unknown-id",
            "view submission with an unknown callback_id",
            "200 and \"no longer available\", no effect",
            () ->
                expect(
                    SlackRequests.interaction(
                        SlackRequests.viewSubmission("U0ADMIN", "evil_modal", "x", "{}")),
                    200)));
    cases.add(
        mayWrite(
            "unknown-id",
            "message shortcut with an unknown callback_id",
            "200; only a \"no longer available\" answer is queued",
            () ->
                expect(
                    SlackRequests.interaction(
                        SlackRequests.messageShortcut(
                            "U0ADMIN", "evil_shortcut", "C0GENERAL", "1.2", "hi")),
                    200)));
    cases.add(
        refused(
            "unknown-id",
            "unknown slash command /evil",
            "200 and \"no longer available\", no effect",
            () ->
                expect(SlackRequests.command("U0ADMIN", "/evil", "admin add <@U0INTRUDER>"), 200)));
    cases.add(
        mayWrite(
            "unknown-id",
            "unknown event type",
            "200 (auto-acknowledged); only its event id is recorded",
            () ->
                expect(
                    SlackRequests.event(
                        "EvUNK" + id(), "{\"type\":\"evil_event\",\"user\":\"U0ADMIN\"}", null),
                    200,
                    404)));
  }

  private void metadata(List<HostileCase> cases) {
    String signed = signedMetadata.sign("initiative:42");
    cases.add(
        refused(
            "metadata",
            "private_metadata signed by the bot",
            "accepted as is",
            () -> {
              assertThat(signedMetadata.verify(signed)).contains("initiative:42");
              return "verified";
            }));
    cases.add(
        refused(
            "metadata",
            "private_metadata with its id changed",
            "rejected",
            () -> {
              assertThat(signedMetadata.verify(signed.replace("42", "43"))).isEmpty();
              return "rejected";
            }));
    cases.add(
        refused(
            "metadata",
            "private_metadata without signature",
            "rejected",
            () -> {
              assertThat(signedMetadata.verify("initiative:42")).isEmpty();
              return "rejected";
            }));
    cases.add(
        refused(
            "metadata",
            "private_metadata signed with another key",
            "rejected",
            () -> {
              String forged =
                  "initiative:43~"
                      + SlackRequests.signature("attacker-secret", 0, "initiative:43").substring(3);
              assertThat(signedMetadata.verify(forged)).isEmpty();
              return "rejected";
            }));
    cases.add(
        refused(
            "metadata",
            "private_metadata with a value appended after the signature",
            "rejected",
            () -> {
              assertThat(signedMetadata.verify(signed + "~initiative:43")).isEmpty();
              return "rejected";
            }));
    cases.add(
        refused(
            "metadata",
            "view submission carrying tampered private_metadata",
            "no effect",
            () ->
                expect(
                    SlackRequests.interaction(
                        SlackRequests.viewSubmission(
                            "U0MEMBER", "evil_modal", signed.replace("42", "43"), "{}")),
                    200,
                    404)));
  }

  private void roles(List<HostileCase> cases) {
    for (String command :
        List.of(
            "admin add <@U0INTRUDER>",
            "admin remove <@U0ADMIN>",
            "admin cxo <@U0INTRUDER>",
            "admin outbox retry",
            "admin outbox",
            "admin list",
            "ADMIN Add <@U0INTRUDER>",
            "admin \"add\" <@U0INTRUDER>")) {
      cases.add(
          refused(
              "role",
              "member runs /cos " + command,
              "polite refusal, nothing changed",
              () -> {
                Response r = SlackRequests.cos("U0MEMBER", command);
                String outcome = expect(r, 200);
                assertThat(r.jsonPath().getString("text"))
                    .contains("only a Chief of Staff can do that");
                assertThat(r.jsonPath().getString("response_type")).isEqualTo("ephemeral");
                return outcome;
              }));
    }
    cases.add(
        refused(
            "role",
            "member's user_id swapped for an admin's after signing",
            "401",
            () -> {
              long ts = Instant.now().getEpochSecond();
              String mine =
                  SlackRequests.commandBody("U0MEMBER", "/cos", "admin add <@U0INTRUDER>");
              return expect(
                  raw(
                      mine.replace("user_id=U0MEMBER", "user_id=U0ADMIN"),
                      ts,
                      SlackRequests.signature(SECRET, ts, mine)),
                  401);
            }));
    cases.add(
        refused(
            "role",
            "admin API without token",
            "401",
            () -> expect(given().post("/api/v1/outbox/retry-dead"), 401)));
    cases.add(
        refused(
            "role",
            "admin API with a wrong token",
            "401",
            () -> expect(given().auth().oauth2("guess").get("/api/v1/outbox"), 401)));
    cases.add(
        refused(
            "role",
            "admin API with the Slack signing secret as token",
            "401",
            () -> expect(given().auth().oauth2(SECRET).get("/api/v1/outbox"), 401)));
  }

  private void injection(List<HostileCase> cases) {
    for (String evil : INJECTIONS) {
      cases.add(
          refused(
              "injection",
              "unknown subcommand " + evil + " echoed in the help answer",
              "escaped (&lt; &gt;)",
              () -> {
                Response r = SlackRequests.cos("U0MEMBER", evil + " *bold* `code`");
                String outcome = expect(r, 200);
                String text = r.jsonPath().getString("text");
                assertEscaped(text, evil);
                return outcome;
              }));
    }
    cases.add(
        mayWrite(
            "injection",
            "admin adds a mention whose label is <!channel>",
            "DM and answer mention the stored id only",
            () -> {
              String user = "U0INJ" + id().substring(0, 5).toUpperCase();
              // A real person (known here), so the case is about the label, not existence.
              try (Connection c = dataSource.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement("INSERT INTO person (slack_user_id) VALUES (?)")) {
                ps.setString(1, user);
                ps.executeUpdate();
              }
              Response r =
                  SlackRequests.cos("U0ADMIN", "admin add <@" + user + "|<!channel> *boss*>");
              String outcome = expect(r, 200);
              assertThat(r.jsonPath().getString("text"))
                  .contains("<@" + user + ">")
                  .doesNotContain("<!channel>");
              try (Connection c = dataSource.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT payload FROM outbox_message WHERE idempotency_key LIKE ?")) {
                ps.setString(1, "admin-added:" + user + ":%");
                try (ResultSet rs = ps.executeQuery()) {
                  assertThat(rs.next()).isTrue();
                  assertThat(rs.getString(1)).doesNotContain("<!channel>");
                }
              }
              execute("UPDATE person SET is_admin = false WHERE slack_user_id = '" + user + "'");
              return outcome;
            }));
  }

  private void sql(List<HostileCase> cases) {
    for (String evil :
        List.of(
            "'; DROP TABLE person; --",
            "\" OR 1=1 --",
            "admin add U0X'); DELETE FROM person; --",
            "%_\\\\")) {
      cases.add(
          refused(
              "sql",
              "command text " + evil,
              "treated as text, tables intact",
              () -> {
                Response r = SlackRequests.cos("U0MEMBER", evil);
                String outcome = expect(r, 200);
                assertThat(count("person")).isPositive();
                return outcome;
              }));
    }
    cases.add(
        refused(
            "sql",
            "admin add with an id made of SQL",
            "asks for a mention, nothing stored",
            () -> {
              Response r =
                  SlackRequests.cos("U0ADMIN", "admin add U0X';DELETE/**/FROM/**/person;--");
              String outcome = expect(r, 200);
              assertThat(r.jsonPath().getString("text"))
                  .contains("doesn't fit here")
                  .contains("`/cos admin add|remove @user`");
              return outcome;
            }));
    String eventId = "Ev'; DELETE FROM slack_event_receipt; --" + id();
    cases.add(
        mayWrite(
            "sql",
            "event_id made of SQL",
            "stored verbatim, nothing deleted, processed once",
            () -> {
              long before = count("slack_event_receipt");
              String event = "{\"type\":\"evil_event\",\"user\":\"U0MEMBER\"}";
              String outcome = expect(SlackRequests.event(eventId, event, null), 200);
              expect(SlackRequests.event(eventId, event, 1), 200);
              try (Connection c = dataSource.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT count(*) FROM slack_event_receipt WHERE event_id = ?")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  assertThat(rs.getInt(1)).as("the id is stored verbatim, once").isEqualTo(1);
                }
              }
              assertThat(count("slack_event_receipt")).isEqualTo(before + 1);
              return outcome;
            }));
  }

  // --- helpers -------------------------------------------------------------------------------

  static void assertEscaped(String text, String evil) {
    assertThat(text).doesNotContain(evil);
    assertThat(text).contains(evil.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
  }

  /**
   * Asserts the status (one of {@code allowed}) and that nothing internal leaks; returns the
   * outcome for the report.
   */
  static String expect(Response r, int... allowed) {
    int status = r.statusCode();
    String body = r.asString() == null ? "" : r.asString();
    assertThat(allowed).as("HTTP status (body: %s)", cut(body)).contains(status);
    assertThat(body)
        .as("no stack trace or exception name in the answer")
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContainPattern("at (dev|com|org|io|java)\\.");
    return status + (body.isBlank() ? "" : " " + cut(body));
  }

  private static Response raw(String body, long timestamp, String signature) {
    return given()
        .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
        .header("X-Slack-Signature", signature)
        .contentType(FORM)
        .body(body)
        .post("/slack/events");
  }

  private long count(String table) throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void execute(String sql) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().execute(sql);
    }
    roleCache.invalidateAll().await().indefinitely();
  }

  @Inject
  @io.quarkus.cache.CacheName(dev.cosbot.platform.people.Roles.CACHE)
  io.quarkus.cache.Cache roleCache;

  private static String cut(String body) {
    String oneLine = body.replaceAll("\\s+", " ");
    return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
  }

  private static String id() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }
}
