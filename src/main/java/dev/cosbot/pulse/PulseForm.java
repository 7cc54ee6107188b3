package dev.cosbot.pulse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.view.ViewState;
import dev.cosbot.ingress.ModalState;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the pulse modals: the new-survey form with its question builder (the questions added so far
 * travel in the modal's signed private_metadata) and the answer form. Pure: field errors keyed by
 * block id, no Slack calls, no database.
 */
public final class PulseForm {
  private PulseForm() {}

  private static final Pattern USERGROUP_ID = Pattern.compile("S[A-Z0-9]{2,20}");
  private static final Pattern CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]{2,20}");
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");

  /** The question builder's state: the questions added so far. */
  public record Builder(List<Question> questions) {
    public Builder {
      questions = List.copyOf(questions);
    }

    static final Builder EMPTY = new Builder(List.of());

    /** The state as it travels in private_metadata (signed by the caller). */
    String toMetadata() {
      JsonObject o = new JsonObject();
      o.add("q", JsonParser.parseString(PulseQuestions.toJson(questions)));
      return o.toString();
    }

    /** Reads the state back; empty for a value that is not the builder's. */
    static Optional<Builder> fromMetadata(String value) {
      if (value == null || value.isBlank()) {
        return Optional.of(EMPTY);
      }
      try {
        JsonArray q = JsonParser.parseString(value).getAsJsonObject().getAsJsonArray("q");
        return Optional.of(new Builder(PulseQuestions.fromJson(q.toString())));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }

    Builder with(Question q) {
      List<Question> more = new ArrayList<>(questions);
      more.add(q);
      return new Builder(more);
    }

    Builder without(int index) {
      if (index < 0 || index >= questions.size()) {
        return this;
      }
      List<Question> fewer = new ArrayList<>(questions);
      fewer.remove(index);
      return new Builder(fewer);
    }

    /** The suffix of the "new question" inputs: changes with each add, so they come back empty. */
    String suffix() {
      return String.valueOf(questions.size());
    }
  }

  /** The question typed into the builder's "new question" inputs, if any; or why it is refused. */
  record Typed(Question question, String problem) {
    static final Typed NONE = new Typed(null, null);
  }

  /** The kinds of question as the builder offers them, with their words. */
  static final Map<QuestionType, String> TYPE_LABELS = new LinkedHashMap<>();

  static {
    TYPE_LABELS.put(QuestionType.LIKERT, "Agree or disagree (1 to 5)");
    TYPE_LABELS.put(QuestionType.ENPS, "How likely to recommend (0 to 10)");
    TYPE_LABELS.put(QuestionType.SINGLE, "One choice");
    TYPE_LABELS.put(QuestionType.MULTI, "Several choices");
    TYPE_LABELS.put(QuestionType.TEXT, "Free text");
  }

  /** Reads the builder's "new question" inputs for the current {@code builder}. */
  static Typed typed(ModalState state, Builder builder) {
    String suffix = builder.suffix();
    String text = state.text(PulseIds.NEW_QUESTION_TEXT + suffix);
    if (text == null) {
      return Typed.NONE;
    }
    if (builder.questions().size() >= PulseQuestions.MAX_QUESTIONS) {
      return new Typed(
          null,
          "That's " + PulseQuestions.MAX_QUESTIONS + " questions, as many as one survey has.");
    }
    if (text.length() > 150) {
      return new Typed(null, "Keep the question under 150 characters.");
    }
    String typeWord = state.option(PulseIds.NEW_QUESTION_TYPE + suffix);
    QuestionType type = typeWord == null ? QuestionType.LIKERT : QuestionType.of(typeWord);
    if (type == null) {
      return new Typed(null, "Pick what kind of answer the question takes.");
    }
    boolean optional = !state.options(PulseIds.NEW_QUESTION_OPTIONAL + suffix).isEmpty();
    List<String> options = List.of();
    if (type == QuestionType.SINGLE || type == QuestionType.MULTI) {
      String lines = state.text(PulseIds.NEW_QUESTION_OPTIONS + suffix);
      options =
          lines == null
              ? List.of()
              : lines.lines().map(String::strip).filter(l -> !l.isEmpty()).distinct().toList();
      if (options.size() < 2 || options.size() > PulseQuestions.MAX_OPTIONS) {
        return new Typed(
            null,
            "A choice question needs 2 to "
                + PulseQuestions.MAX_OPTIONS
                + " choices, one per line, in the choices box.");
      }
      if (options.stream().anyMatch(o -> o.length() > 75)) {
        return new Typed(null, "Keep each choice under 75 characters.");
      }
    }
    return new Typed(new Question(type, text, options, optional), null);
  }

  /** What the new-survey form asked for, or the field errors to show on it. */
  record NewSurveyResult(PulseService.NewSurvey survey, Map<String, String> errors) {}

  /**
   * Reads a submitted new-survey form. {@code builder} is the verified builder state (empty when
   * the metadata was tampered with: the caller refuses that before).
   */
  static NewSurveyResult newSurvey(
      ModalState state, Builder builder, int defaultK, Duration defaultOpen) {
    Map<String, String> errors = new LinkedHashMap<>();
    String title = state.text(PulseIds.TITLE);
    if (title == null) {
      errors.put(PulseIds.TITLE, "Give the survey a title.");
    }
    List<Question> questions = new ArrayList<>(builder.questions());
    Typed typed = typed(state, builder);
    String questionBlock = PulseIds.NEW_QUESTION_TEXT + builder.suffix();
    if (typed.problem() != null) {
      errors.put(questionBlock, typed.problem());
    } else if (typed.question() != null) {
      // A question typed but not yet added is added, not lost.
      questions.add(typed.question());
    }
    if (questions.isEmpty()) {
      questions.addAll(PulseQuestions.template(state.option(PulseIds.TEMPLATE)));
    }
    if (questions.isEmpty() && typed.problem() == null) {
      errors.put(questionBlock, "Add at least one question, or pick a template.");
    }

    String channel = state.conversation(PulseIds.CHANNEL);
    String group = state.option(PulseIds.USERGROUP);
    String groupLabel = label(state.value(PulseIds.USERGROUP));
    List<String> users = state.users(PulseIds.PEOPLE);
    int chosen = (channel != null ? 1 : 0) + (group != null ? 1 : 0) + (users.isEmpty() ? 0 : 1);
    PulseSurvey.AudienceKind kind = null;
    String audience = null;
    String label = null;
    if (chosen != 1) {
      errors.put(
          PulseIds.USERGROUP, "Pick exactly one audience: a user group, a channel or people.");
    } else if (group != null) {
      if (!USERGROUP_ID.matcher(group).matches()) {
        errors.put(PulseIds.USERGROUP, "Pick a user group from the list.");
      } else {
        kind = PulseSurvey.AudienceKind.USERGROUP;
        audience = group;
        label = groupLabel == null ? group : groupLabel;
      }
    } else if (channel != null) {
      if (!CHANNEL_ID.matcher(channel).matches()) {
        errors.put(PulseIds.CHANNEL, "Pick a channel from the list.");
      } else {
        kind = PulseSurvey.AudienceKind.CHANNEL;
        audience = channel;
        label = "<#" + channel + ">";
      }
    } else if (users.stream().allMatch(u -> USER_ID.matcher(u).matches())) {
      kind = PulseSurvey.AudienceKind.PEOPLE;
      audience = String.join(",", users);
      label = users.size() == 1 ? "1 person" : users.size() + " people";
    } else {
      errors.put(PulseIds.PEOPLE, "Pick people from the list.");
    }

    List<Slice> slices = slices(state.value(PulseIds.SLICES));
    if (slices.size() > Slice.MAX) {
      errors.put(PulseIds.SLICES, "Pick at most " + Slice.MAX + " teams.");
    }

    boolean anonymous = !"named".equals(state.option(PulseIds.ANONYMITY));
    String schedule = state.option(PulseIds.SCHEDULE);
    schedule = schedule == null ? "now" : schedule;
    int repeatWeeks =
        switch (schedule) {
          case "weekly" -> 1;
          case "biweekly" -> 2;
          case "monthly" -> 4;
          default -> 0;
        };
    LocalDateTime start = null;
    if (!"now".equals(schedule)) {
      String date = state.date(PulseIds.START_DATE);
      ViewState.Value time = state.value(PulseIds.START_TIME);
      if (date == null) {
        errors.put(PulseIds.START_DATE, "Pick the date of the first round.");
      } else {
        LocalTime at =
            time == null || time.getSelectedTime() == null
                ? LocalTime.of(10, 0)
                : LocalTime.parse(time.getSelectedTime());
        start = LocalDate.parse(date).atTime(at);
      }
    }
    String openFor = state.option(PulseIds.OPEN_FOR);
    int openDays =
        openFor == null ? (int) Math.max(1, defaultOpen.toDays()) : Integer.parseInt(openFor);
    int k = defaultK;
    String kText = state.text(PulseIds.MIN_ANSWERS);
    if (kText != null) {
      try {
        k = Integer.parseInt(kText);
        if (k < PulseSettings.FLOOR) {
          errors.put(
              PulseIds.MIN_ANSWERS,
              "At least " + PulseSettings.FLOOR + ": fewer answers could identify people.");
        }
      } catch (NumberFormatException e) {
        errors.put(PulseIds.MIN_ANSWERS, "A whole number, at least " + PulseSettings.FLOOR + ".");
      }
    }
    if (!errors.isEmpty()) {
      return new NewSurveyResult(null, errors);
    }
    return new NewSurveyResult(
        new PulseService.NewSurvey(
            title,
            List.copyOf(questions),
            kind,
            audience,
            label,
            anonymous,
            k,
            openDays,
            repeatWeeks,
            start,
            slices),
        errors);
  }

  private static String label(ViewState.Value v) {
    return v == null || v.getSelectedOption() == null || v.getSelectedOption().getText() == null
        ? null
        : v.getSelectedOption().getText().getText();
  }

  /** The teams picked for the breakdown: group ids with the label they were picked by. */
  static List<Slice> slices(ViewState.Value v) {
    if (v == null || v.getSelectedOptions() == null) {
      return List.of();
    }
    return v.getSelectedOptions().stream()
        .filter(o -> o.getValue() != null && USERGROUP_ID.matcher(o.getValue()).matches())
        .map(
            o ->
                new Slice(
                    o.getValue(),
                    o.getText() == null || o.getText().getText() == null
                        ? o.getValue()
                        : o.getText().getText()))
        .distinct()
        .toList();
  }

  // ---------------------------------------------------------------- answers

  /** Reads the answer modal into the answers object that is sealed; field errors into errors. */
  static JsonObject answers(
      List<Question> questions, ModalState state, Map<String, String> errors) {
    JsonObject answers = new JsonObject();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      String blockId = PulseIds.question(i);
      boolean given = false;
      switch (q.type()) {
        case LIKERT, ENPS, SINGLE -> {
          String picked = state.option(blockId);
          if (picked != null) {
            int n;
            try {
              n = Integer.parseInt(picked);
            } catch (NumberFormatException e) {
              n = Integer.MIN_VALUE;
            }
            if (n < q.min() || n > q.max()) {
              errors.put(blockId, "Please pick one of the options.");
              continue;
            }
            answers.addProperty(String.valueOf(i), n);
            given = true;
          }
        }
        case MULTI -> {
          JsonArray picked = new JsonArray();
          state.options(blockId).stream()
              .map(PulseForm::intOrMinus)
              .filter(n -> n >= 0 && n < q.options().size())
              .distinct()
              .sorted()
              .forEach(picked::add);
          if (!picked.isEmpty()) {
            answers.add(String.valueOf(i), picked);
            given = true;
          }
        }
        case TEXT -> {
          String text = state.text(blockId);
          if (text != null) {
            answers.addProperty(
                String.valueOf(i), text.length() > 2000 ? text.substring(0, 2000) : text);
            given = true;
          }
        }
      }
      if (!given && !q.optional()) {
        errors.put(blockId, "Please answer this question (it is not optional).");
      }
    }
    return answers;
  }

  private static int intOrMinus(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
