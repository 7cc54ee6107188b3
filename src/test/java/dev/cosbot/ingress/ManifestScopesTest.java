package dev.cosbot.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a Slack admin reads before installing: the manifest is valid against Slack's published
 * schema (vendored), asks only for scopes the code uses — each mapped to the Web API methods or
 * events that need it — and every scope is justified in docs/operations.md.
 */
class ManifestScopesTest {
  private static final Path MANIFEST = Path.of("manifest", "manifest.yml");
  private static final Path SOURCES = Path.of("src", "main", "java");

  /**
   * Each bot scope and what needs it, from Slack's method and event reference. A method is written
   * as Slack names it; the code calls it by that name or through Bolt's client (camelCase).
   */
  private static final Map<String, List<String>> SCOPE_USES = new LinkedHashMap<>();

  static {
    SCOPE_USES.put(
        "chat:write",
        List.of("chat.postMessage", "chat.update", "chat.postEphemeral", "chat.delete"));
    SCOPE_USES.put("commands", List.of("/cos", "/escalate"));
    SCOPE_USES.put("im:write", List.of("conversations.open"));
    SCOPE_USES.put(
        "users:read", List.of("users.info", "users.list", "event:team_join", "event:user_change"));
    SCOPE_USES.put("usergroups:read", List.of("usergroups.users.list", "usergroups.list"));
    SCOPE_USES.put("channels:read", List.of("conversations.members", "conversations.info"));
    SCOPE_USES.put("groups:read", List.of("conversations.members", "conversations.info"));
    SCOPE_USES.put(
        "files:write", List.of("files.getUploadURLExternal", "files.completeUploadExternal"));
    SCOPE_USES.put("channels:history", List.of("conversations.history", "conversations.replies"));
    SCOPE_USES.put("groups:history", List.of("conversations.history", "conversations.replies"));
    SCOPE_USES.put(
        "im:history",
        List.of("conversations.history", "conversations.replies", "event:message.im"));
  }

  /** Methods Slack serves to any bot token, without a scope. */
  private static final Set<String> NO_SCOPE =
      Set.of(
          "auth.test",
          "views.open",
          "views.update",
          "views.push",
          "views.publish",
          "chat.getPermalink");

  /**
   * Names in the code that look like methods but are not Web API calls: the byte upload to the URL
   * that files.getUploadURLExternal hands out (pre-authorised) is labelled files.upload in metrics.
   */
  private static final Set<String> NOT_WEB_API_CALLS = Set.of("files.upload");

  private static final Pattern QUOTED_METHOD =
      Pattern.compile(
          "\"((?:chat|users|usergroups|conversations|views|files|auth|team|reactions|pins|bookmarks"
              + "|reminders|emoji|search|apps|bots|dnd)\\.[a-zA-Z]+(?:\\.[a-zA-Z]+)?)\"");
  private static final Pattern CLIENT_CALL =
      Pattern.compile(
          "\\.((?:chat|users|usergroups|conversations|views|files|auth|team|reactions|pins|bookmarks"
              + "|reminders|emoji|search|apps|bots|dnd)[A-Z][A-Za-z]*)\\(");

  private final JsonNode manifest = read();

  @Test
  void theManifestIsValidAgainstSlacksPublishedSchema() throws IOException {
    Schema schema;
    try (InputStream in = getClass().getResourceAsStream("/slack/manifest.schema.1.0.0.json")) {
      assertThat(in).as("vendored schema on the test classpath").isNotNull();
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    }
    List<Error> errors = schema.validate(manifest);
    assertThat(errors).as("manifest/manifest.yml against Slack's manifest schema").isEmpty();

    // The schema really checks: an unknown key and a wrong type are refused.
    JsonNode broken =
        new YAMLMapper()
            .readTree(
                """
                display_information:
                  name: cos-bot
                settings:
                  interactivity:
                    is_enabled: "yes"
                  unknown_setting: true
                """);
    assertThat(schema.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void everyScopeIsUsedByTheCodeAndNoneIsMissing() throws IOException {
    List<String> scopes = texts(manifest.at("/oauth_config/scopes/bot"));
    assertThat(scopes).doesNotHaveDuplicates();
    assertThat(scopes)
        .as("bot scopes in the manifest = scopes with a use")
        .containsExactlyInAnyOrderElementsOf(SCOPE_USES.keySet());
    assertThat(manifest.at("/oauth_config/scopes/user").isMissingNode())
        .as("no user scope: the bot never acts as a person")
        .isTrue();

    String code = allSources();
    Set<String> calledMethods = methodsCalled(code);
    List<String> commands = texts(manifest.at("/features/slash_commands"), "command");
    List<String> events = texts(manifest.at("/settings/event_subscriptions/bot_events"));
    for (var entry : SCOPE_USES.entrySet()) {
      for (String use : entry.getValue()) {
        if (use.startsWith("/")) {
          assertThat(commands).as("%s needs the command %s", entry.getKey(), use).contains(use);
        } else if (use.startsWith("event:")) {
          assertThat(events)
              .as("%s is needed by the subscribed event %s", entry.getKey(), use)
              .contains(use.substring("event:".length()));
        } else {
          assertThat(calledMethods)
              .as("%s is needed by %s, which the code calls", entry.getKey(), use)
              .contains(use);
        }
      }
    }
    Set<String> covered = new TreeSet<>(NO_SCOPE);
    SCOPE_USES.values().forEach(covered::addAll);
    assertThat(covered)
        .as("every Web API method the code calls has its scope in the manifest")
        .containsAll(calledMethods);
  }

  @Test
  void unusedScopesAreGoneAndHistoryScopesAreExplained() throws IOException {
    List<String> scopes = texts(manifest.at("/oauth_config/scopes/bot"));
    assertThat(scopes)
        .doesNotContain("users:read.email", "users.profile:read", "chat:write.public");
    String manifestText = Files.readString(MANIFEST, StandardCharsets.UTF_8);
    assertThat(manifestText).contains("Delivery reconciliation");

    String operations = Files.readString(Path.of("docs", "operations.md"), StandardCharsets.UTF_8);
    for (String scope : scopes) {
      Matcher row =
          Pattern.compile("(?m)^\\| `" + Pattern.quote(scope) + "` \\|([^|]+)\\|([^|]+)\\|")
              .matcher(operations);
      assertThat(row.find())
          .as("docs/operations.md justifies %s in the scope table", scope)
          .isTrue();
      assertThat(row.group(2).strip()).as("why %s", scope).isNotEmpty();
    }
    assertThat(operations).containsIgnoringCase("delivery reconciliation");
  }

  @Test
  void theOAuthRedirectIsReservedForTheDashboard() {
    List<String> redirects = texts(manifest.at("/oauth_config/redirect_urls"));
    String base = manifest.at("/settings/event_subscriptions/request_url").asText();
    base = base.substring(0, base.indexOf("/slack/events"));
    assertThat(redirects).containsExactly(base + "/app/auth/callback");
  }

  /** Slack method names the code calls, as quoted names or Bolt client calls (camelCase). */
  static Set<String> methodsCalled(String code) {
    Set<String> methods = new TreeSet<>();
    Matcher quoted = QUOTED_METHOD.matcher(code);
    while (quoted.find()) {
      if (!NOT_WEB_API_CALLS.contains(quoted.group(1))) {
        methods.add(quoted.group(1));
      }
    }
    Set<String> known = new TreeSet<>(NO_SCOPE);
    SCOPE_USES.values().forEach(known::addAll);
    Set<String> clientMethods = new TreeSet<>();
    for (var m : com.slack.api.methods.MethodsClient.class.getMethods()) {
      clientMethods.add(m.getName());
    }
    Matcher call = CLIENT_CALL.matcher(code);
    while (call.find()) {
      String camel = call.group(1);
      if (!clientMethods.contains(camel)) {
        continue; // one of our own methods that happens to start like a Slack family
      }
      String dotted =
          known.stream().filter(m -> camel(m).equals(camel)).findFirst().orElse("?" + camel);
      methods.add(dotted);
    }
    return methods;
  }

  private static String camel(String method) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : method.toCharArray()) {
      if (c == '.') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private static String allSources() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
      }
    }
    return all.toString();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  private static JsonNode read() {
    try {
      return new YAMLMapper().readTree(MANIFEST.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
