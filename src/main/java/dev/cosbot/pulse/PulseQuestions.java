package dev.cosbot.pulse;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Questions as people type them in the survey modal (one per line, {@code type: text | option |
 * option}, a {@code ?} after the type for optional), the built-in templates, and their storage.
 */
public final class PulseQuestions {
  private PulseQuestions() {}

  public static final int MAX_QUESTIONS = 15;
  public static final int MAX_OPTIONS = 10;

  /** Built-in templates by key, with their label. */
  public static final Map<String, String> TEMPLATE_LABELS = new LinkedHashMap<>();

  static {
    TEMPLATE_LABELS.put("enps", "eNPS");
    TEMPLATE_LABELS.put("team_health", "Team health (5 questions)");
    TEMPLATE_LABELS.put("meetings", "Meeting effectiveness");
  }

  public static List<Question> template(String key) {
    return switch (key == null ? "" : key) {
      case "enps" ->
          List.of(
              new Question(
                  QuestionType.ENPS,
                  "How likely are you to recommend working here to a friend?",
                  List.of(),
                  false),
              new Question(
                  QuestionType.TEXT, "What is the main reason for your score?", List.of(), true));
      case "team_health" ->
          List.of(
              new Question(
                  QuestionType.LIKERT, "I know what is expected of me at work.", List.of(), false),
              new Question(
                  QuestionType.LIKERT, "I can raise concerns without fear.", List.of(), false),
              new Question(QuestionType.LIKERT, "My workload is sustainable.", List.of(), false),
              new Question(QuestionType.LIKERT, "Our team works well together.", List.of(), false),
              new Question(
                  QuestionType.LIKERT, "I have what I need to do my job well.", List.of(), false));
      case "meetings" ->
          List.of(
              new Question(
                  QuestionType.LIKERT, "Our meetings are a good use of my time.", List.of(), false),
              new Question(
                  QuestionType.SINGLE,
                  "How many of your meetings last week had a clear outcome?",
                  List.of("Almost none", "Some", "Most", "All"),
                  false),
              new Question(
                  QuestionType.MULTI,
                  "What would improve our meetings?",
                  List.of(
                      "An agenda",
                      "Fewer people",
                      "Shorter",
                      "Fewer meetings",
                      "Written updates instead"),
                  true),
              new Question(QuestionType.TEXT, "Anything else about meetings?", List.of(), true));
      default -> List.of();
    };
  }

  /** Parses the modal's question lines; throws with a message for the person on a bad line. */
  public static List<Question> parse(String text) {
    List<Question> questions = new ArrayList<>();
    int lineNo = 0;
    for (String raw : text == null ? new String[0] : text.split("\n")) {
      lineNo++;
      String line = raw.trim();
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            "Line " + lineNo + ": start with a type, e.g. `likert: I enjoy my work`.");
      }
      String typeWord = line.substring(0, colon).trim();
      boolean optional = typeWord.endsWith("?");
      if (optional) {
        typeWord = typeWord.substring(0, typeWord.length() - 1);
      }
      QuestionType type = QuestionType.of(typeWord);
      if (type == null) {
        throw new IllegalArgumentException(
            "Line "
                + lineNo
                + ": unknown type `"
                + typeWord
                + "` (use likert, enps, single, multi or text).");
      }
      List<String> parts =
          Arrays.stream(line.substring(colon + 1).split("\\|")).map(String::trim).toList();
      String question = parts.get(0);
      if (question.isEmpty() || question.length() > 150) {
        throw new IllegalArgumentException(
            "Line " + lineNo + ": the question needs 1 to 150 characters.");
      }
      List<String> options =
          parts.subList(1, parts.size()).stream().filter(o -> !o.isEmpty()).toList();
      if (type == QuestionType.SINGLE || type == QuestionType.MULTI) {
        if (options.size() < 2 || options.size() > MAX_OPTIONS) {
          throw new IllegalArgumentException(
              "Line "
                  + lineNo
                  + ": a choice question needs 2 to "
                  + MAX_OPTIONS
                  + " options separated by `|`.");
        }
        if (options.stream().anyMatch(o -> o.length() > 75)) {
          throw new IllegalArgumentException(
              "Line " + lineNo + ": options can have at most 75 characters.");
        }
      } else {
        options = List.of();
      }
      questions.add(new Question(type, question, options, optional));
    }
    if (questions.size() > MAX_QUESTIONS) {
      throw new IllegalArgumentException("At most " + MAX_QUESTIONS + " questions, please.");
    }
    return questions;
  }

  /** The lines {@link #parse} reads back into {@code questions}. */
  public static String format(List<Question> questions) {
    StringBuilder out = new StringBuilder();
    for (Question q : questions) {
      out.append(q.type().word).append(q.optional() ? "?" : "").append(": ").append(q.text());
      q.options().forEach(o -> out.append(" | ").append(o));
      out.append('\n');
    }
    return out.toString().trim();
  }

  public static String toJson(List<Question> questions) {
    JsonArray array = new JsonArray();
    for (Question q : questions) {
      JsonObject o = new JsonObject();
      o.addProperty("type", q.type().word);
      o.addProperty("text", q.text());
      o.addProperty("optional", q.optional());
      JsonArray options = new JsonArray();
      q.options().forEach(options::add);
      o.add("options", options);
      array.add(o);
    }
    return array.toString();
  }

  public static List<Question> fromJson(String json) {
    List<Question> questions = new ArrayList<>();
    for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
      JsonObject o = e.getAsJsonObject();
      List<String> options = new ArrayList<>();
      o.getAsJsonArray("options").forEach(x -> options.add(x.getAsString()));
      questions.add(
          new Question(
              QuestionType.of(o.get("type").getAsString()),
              o.get("text").getAsString(),
              options,
              o.get("optional").getAsBoolean()));
    }
    return questions;
  }
}
