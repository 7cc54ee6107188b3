package dev.cosbot.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.slack.api.bolt.App;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Slack app manifest and the listeners the code registers agree, both ways. */
@QuarkusTest
class ManifestTest {
  @Inject SlackApp slackApp;

  private final JsonNode manifest = read();

  @Test
  void everyRegisteredCommandIsInTheManifestAndTheReverse() throws Exception {
    List<String> declared = texts(manifest.path("features").path("slash_commands"), "command");
    assertBothWays("slash command", patterns("slashCommandHandlers"), declared);
    for (JsonNode command : manifest.path("features").path("slash_commands")) {
      assertThat(command.path("description").asText())
          .as("description of " + command.path("command"))
          .isNotBlank();
      assertThat(command.path("url").asText()).endsWith("/slack/events");
    }
  }

  @Test
  void everyRegisteredShortcutIsInTheManifestAndTheReverse() throws Exception {
    List<String> message = new ArrayList<>();
    List<String> global = new ArrayList<>();
    for (JsonNode s : manifest.path("features").path("shortcuts")) {
      ("message".equals(s.path("type").asText()) ? message : global)
          .add(s.path("callback_id").asText());
    }
    assertBothWays("message shortcut", patterns("messageShortcutHandlers"), message);
    assertBothWays("global shortcut", patterns("globalShortcutHandlers"), global);
  }

  @Test
  void everyHandledEventIsSubscribedAndTheReverse() throws Exception {
    List<String> subscribed = new ArrayList<>();
    manifest
        .path("settings")
        .path("event_subscriptions")
        .path("bot_events")
        // message.im, message.channels, … all arrive as the one "message" event type.
        .forEach(e -> subscribed.add(e.asText().replaceFirst("^message\\..*", "message")));
    List<String> handled =
        new ArrayList<>(
            handlerMap("eventHandlers").keySet().stream().map(Object::toString).toList());
    assertThat(handled)
        .as("events the code handles")
        .containsExactlyInAnyOrderElementsOf(subscribed);
  }

  @Test
  void manifestHasWhatSlackRequiresAndPointsAtOneEndpoint() {
    assertThat(manifest.path("display_information").path("name").asText()).isNotBlank();
    assertThat(manifest.path("features").path("bot_user").path("display_name").asText())
        .isNotBlank();
    assertThat(manifest.path("settings").path("interactivity").path("is_enabled").asBoolean())
        .isTrue();
    assertThat(manifest.path("settings").path("interactivity").path("request_url").asText())
        .endsWith("/slack/events");
    assertThat(manifest.path("settings").path("event_subscriptions").path("request_url").asText())
        .endsWith("/slack/events");
    assertThat(manifest.path("settings").path("socket_mode_enabled").asBoolean()).isFalse();
  }

  private void assertBothWays(String what, List<Pattern> registered, List<String> declared) {
    for (String d : declared) {
      assertThat(registered.stream().anyMatch(p -> p.matcher(d).matches()))
          .as(what + " " + d + " is declared but not handled")
          .isTrue();
    }
    for (Pattern p : registered) {
      assertThat(declared.stream().anyMatch(d -> p.matcher(d).matches()))
          .as(what + " " + p + " is handled but not in the manifest")
          .isTrue();
    }
  }

  @SuppressWarnings("unchecked")
  private List<Pattern> patterns(String field) throws Exception {
    return new ArrayList<>((java.util.Set<Pattern>) handlerMap(field).keySet());
  }

  private Map<?, ?> handlerMap(String field) throws Exception {
    App app = slackApp.app().orElseThrow();
    Field f = App.class.getDeclaredField(field);
    f.setAccessible(true);
    return (Map<?, ?>) f.get(app);
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  private static JsonNode read() {
    try {
      return new ObjectMapper(new YAMLFactory())
          .readTree(Path.of("manifest/manifest.yml").toFile());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
