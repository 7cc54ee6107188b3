package dev.cosbot.testsupport;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the words people read in every captured outbound Slack call (next to {@link
 * BlockKitLimits}): no recurrence rules, no {@code k=5}-style thresholds, no ISO durations, no raw
 * user ids outside {@code <@…>}, no "step(s)" plurals, and every time of day either a {@code
 * <!date^…|fallback>} token or followed by its zone.
 */
public final class HumaneText {
  private HumaneText() {}

  private static final String TIME = "a time of day without its zone";
  private static final String RULE_TEXT = "a recurrence rule";
  private static final String PLURAL = "an \"(s)\" plural";
  private static final String RAW_ID = "a raw user id outside <@…>";
  private static final String THRESHOLD_TEXT = "a k=5-style threshold";
  private static final String ISO = "an ISO duration";
  private static final String MACHINE_DATE = "a machine-written date (yyyy-mm-dd)";

  /**
   * Tests allowed to send text that fails this check, with the kinds of problem tolerated for each
   * ("Class#method" or "Class#*"). Empty: every test runs the full check, and new text is written
   * to pass it rather than listed here (see docs/features/humane-text.md).
   */
  static final Map<String, List<String>> ALLOWED = Map.of();

  /** Keys whose string values are shown to a person (everything else is ids, values, urls). */
  private static final Set<String> SHOWN =
      Set.of("text", "alt_text", "initial_comment", "title", "fallback", "pretext");

  /** Keys whose subtrees are never shown (machine data, or a person's own input echoed back). */
  private static final Set<String> HIDDEN =
      Set.of(
          "metadata",
          "private_metadata",
          "initial_value",
          "value",
          "action_id",
          "block_id",
          "callback_id",
          "url",
          "image_url",
          "state");

  private static final Pattern DATE_TOKEN = Pattern.compile("<!date\\^[^>]*>");
  private static final Pattern DATE_TOKEN_WITH_FALLBACK =
      Pattern.compile("<!date\\^\\d+\\^[^|>]+(\\^[^|>]*)?\\|[^>]*\\S[^>]*>");
  private static final Pattern LINK_LABEL = Pattern.compile("<[^>|]*\\|([^>]*)>");
  private static final Pattern SLACK_MARKUP = Pattern.compile("<[^>]*>");
  private static final Pattern RULE = Pattern.compile("(?i)\\b(FREQ=|RRULE:|BYDAY=)");
  private static final Pattern THRESHOLD =
      Pattern.compile("(?<![\\w/.:=-])[A-Za-z]\\s*(=|>=|<=|≥|≤)\\s*\\d+");
  private static final Pattern ISO_DURATION =
      Pattern.compile("\\bP(?=\\d|T\\d)(\\d+[YMWD])*(T(\\d+(\\.\\d+)?[HMS])+)?\\b");
  private static final Pattern RAW_USER =
      Pattern.compile("\\b(?=[UW][A-Z0-9]*\\d)[UW][A-Z0-9]{6,}\\b");

  /** 2026-12-09: how a database writes a day, not how people read one. */
  private static final Pattern ISO_DATE =
      Pattern.compile("(?<![\\w/.-])\\d{4}-\\d{2}-\\d{2}(?![\\w/-])");

  private static final Pattern MAYBE_PLURAL = Pattern.compile("\\w\\(s\\)");
  private static final Pattern TIME_OF_DAY =
      Pattern.compile(
          "(?<![\\d:.])(?<!(UTC|GMT)[+-])([01]?\\d|2[0-3]):[0-5]\\d(?![\\d:])(\\s?[AaPp]\\.?[Mm]\\.?)?");

  /** A zone named right after a time: UTC/GMT, an IANA id, a zone abbreviation, "(City)". */
  private static final Pattern ZONE_AFTER =
      Pattern.compile(
          "^[\\s,]*(\\(?(UTC|GMT)|\\(?[A-Z][A-Za-z]+/[A-Za-z_]+|\\(?[A-Z]{2,5}\\b|\\([A-Z][^)]*\\)"
              + "|in\\s+[A-Z][a-z]+|in\\s+[\\w'’ ]{0,30}time\\s?zone|(your|their|[a-z]+['’]s) time)");

  /**
   * Asserts the words of every call WireMock captured during {@code test} ("Class#method") are
   * humane, unless the test is in {@link #ALLOWED}.
   */
  public static void assertAllCapturedCallsHumane(
      com.github.tomakehurst.wiremock.WireMockServer slack, String test) {
    List<String> problems = new ArrayList<>();
    for (com.github.tomakehurst.wiremock.stubbing.ServeEvent event : slack.getAllServeEvents()) {
      String path = event.getRequest().getUrl();
      String method = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
      JsonObject body =
          BlockKitLimits.body(
              event.getRequest().getBodyAsString(),
              event.getRequest().contentTypeHeader().mimeTypePart());
      if (body != null) {
        violations(body).forEach(v -> problems.add(method + ": " + v));
      }
    }
    report(test, problems);
  }

  /** Asserts an immediate JSON answer to a Slack request (ack, response_action) is humane. */
  public static void assertAckHumane(String json) {
    if (json == null || !json.trim().startsWith("{")) {
      return;
    }
    report(null, violations(JsonParser.parseString(json).getAsJsonObject()));
  }

  private static void report(String test, List<String> problems) {
    List<String> tolerated =
        test == null
            ? List.of()
            : ALLOWED.getOrDefault(
                test, ALLOWED.getOrDefault(test.replaceAll("#.*", "#*"), List.of()));
    problems =
        problems.stream()
            .filter(pr -> tolerated.stream().noneMatch(kind -> pr.contains(": " + kind)))
            .toList();
    if (problems.isEmpty()) {
      return;
    }
    String log = System.getProperty("cosbot.humane-text.log");
    if (log != null) {
      try {
        java.nio.file.Files.writeString(
            java.nio.file.Path.of(log),
            problems.stream().map(pr -> test + " | " + pr + "\n").reduce("", String::concat),
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    org.assertj.core.api.Assertions.assertThat(problems)
        .as("Text people read that leaks internals or shows a time without its zone")
        .isEmpty();
  }

  /**
   * Every distinct text people were shown during this test JVM, written to
   * target/slack-texts-read.txt when it ends: one file to read the whole product's wording as its
   * readers would, without running each flow.
   */
  private static final java.util.Set<String> READ =
      new java.util.concurrent.ConcurrentSkipListSet<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    java.nio.file.Path out =
                        java.nio.file.Path.of("target", "slack-texts-read.txt");
                    if (!READ.isEmpty() && java.nio.file.Files.isDirectory(out.getParent())) {
                      java.nio.file.Files.write(
                          out,
                          READ.stream().map(t -> t.replace('\n', '⏎')).toList(),
                          java.nio.file.StandardOpenOption.CREATE,
                          java.nio.file.StandardOpenOption.APPEND);
                    }
                  } catch (java.io.IOException | RuntimeException e) {
                    // a reading aid only
                  }
                }));
  }

  /** Problems in one outbound call body (JSON object, as captured). */
  public static List<String> violations(JsonObject body) {
    List<String> texts = new ArrayList<>();
    collect(body, null, texts);
    READ.addAll(texts);
    List<String> problems = new ArrayList<>();
    for (String text : texts) {
      problems.addAll(violations(text));
    }
    return problems;
  }

  /** Problems in one text a person reads. */
  public static List<String> violations(String text) {
    List<String> p = new ArrayList<>();
    Matcher token = DATE_TOKEN.matcher(text);
    while (token.find()) {
      if (!DATE_TOKEN_WITH_FALLBACK.matcher(token.group()).matches()) {
        p.add("date token without a readable fallback: " + token.group());
      }
      // The fallback is what notifications and old clients show: written for people too.
      String fallback = token.group().replaceAll("^[^|]*\\|?", "");
      if (ISO_DATE.matcher(fallback).find()) {
        p.add(MACHINE_DATE + " as a date token's fallback: " + token.group());
      }
    }
    // Mentions, links and date tokens render as names, labels and local times: judge the rest.
    String shown = DATE_TOKEN.matcher(text).replaceAll(" ");
    shown = LINK_LABEL.matcher(shown).replaceAll("$1");
    shown = SLACK_MARKUP.matcher(shown).replaceAll(" ");
    find(p, RULE, shown, RULE_TEXT);
    find(p, THRESHOLD, shown, THRESHOLD_TEXT);
    find(p, ISO_DURATION, shown, ISO);
    find(p, RAW_USER, shown, RAW_ID);
    find(p, MAYBE_PLURAL, shown, PLURAL);
    find(p, ISO_DATE, shown, MACHINE_DATE);
    Matcher time = TIME_OF_DAY.matcher(shown);
    while (time.find()) {
      String after = shown.substring(time.end(), Math.min(shown.length(), time.end() + 40));
      if (!ZONE_AFTER.matcher(after).find()) {
        p.add(TIME + " or a date token: \"" + around(shown, time) + "\"");
      }
    }
    return p;
  }

  private static void find(List<String> p, Pattern pattern, String text, String what) {
    Matcher m = pattern.matcher(text);
    if (m.find()) {
      p.add(what + ": \"" + around(text, m) + "\"");
    }
  }

  private static String around(String text, Matcher m) {
    int from = Math.max(0, m.start() - 30);
    int to = Math.min(text.length(), m.end() + 30);
    return text.substring(from, to).replace('\n', ' ');
  }

  private static void collect(JsonElement e, String key, List<String> out) {
    if (e == null || e.isJsonNull()) {
      return;
    }
    if (key != null && HIDDEN.contains(key)) {
      return;
    }
    if (e.isJsonPrimitive()) {
      if (key != null && SHOWN.contains(key)) {
        out.add(e.getAsString());
      } else if (key != null && (key.equals("blocks") || key.equals("view"))) {
        // Form-encoded calls carry blocks and views as JSON strings.
        try {
          collect(JsonParser.parseString(e.getAsString()), null, out);
        } catch (RuntimeException notJson) {
          // not JSON: nothing shown
        }
      }
      return;
    }
    if (e.isJsonArray()) {
      for (JsonElement item : (JsonArray) e) {
        collect(item, key, out);
      }
      return;
    }
    for (Map.Entry<String, JsonElement> field : e.getAsJsonObject().entrySet()) {
      collect(field.getValue(), field.getKey(), out);
    }
  }
}
