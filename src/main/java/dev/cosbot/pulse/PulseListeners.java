package dev.cosbot.pulse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.cosbot.ingress.SlackListeners;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Slack side of pulse surveys: the new-survey modal, the "Take the survey" and inline answer
 * buttons, and the answer modal. Parses, validates in place, calls {@link PulseService}, acks. Logs
 * nothing about who answered what.
 */
@ApplicationScoped
public class PulseListeners implements SlackListeners {
  private static final Pattern USERGROUP_ID = Pattern.compile("S[A-Z0-9]{2,20}");

  @Inject PulseService service;
  @Inject PulseSettings settings;
  @Inject Roles roles;

  @Inject PulseUserGroupOptionsHandler groupOptions;

  @Override
  public void register(App app) {
    app.blockSuggestion(PulseIds.GROUP_PICKER, groupOptions);
    app.viewSubmission(
        PulseIds.NEW_SURVEY_VIEW,
        (req, ctx) -> {
          String user = req.getPayload().getUser().getId();
          if (!roles.of(user).isAdmin()) {
            return ctx.ackWithErrors(
                Map.of(PulseIds.TITLE, "Only a Chief of Staff can create pulse surveys."));
          }
          Map<String, String> errors = new LinkedHashMap<>();
          PulseService.NewSurvey form =
              parseNewSurvey(req.getPayload().getView().getState().getValues(), errors);
          if (!errors.isEmpty()) {
            return ctx.ackWithErrors(errors);
          }
          service.create(user, form);
          return ctx.ack();
        });
    app.blockAction(
        PulseIds.TAKE_SURVEY,
        (req, ctx) ->
            openAnswerModal(
                ctx,
                req.getPayload().getUser().getId(),
                req.getPayload().getTriggerId(),
                req.getPayload().getActions().get(0).getValue(),
                null));
    app.blockAction(
        Pattern.compile(PulseIds.QUICK_ANSWER + "\\d+"),
        (req, ctx) -> {
          String value = req.getPayload().getActions().get(0).getValue();
          int colon = value.indexOf(':');
          return openAnswerModal(
              ctx,
              req.getPayload().getUser().getId(),
              req.getPayload().getTriggerId(),
              value.substring(0, colon),
              Integer.parseInt(value.substring(colon + 1)));
        });
    app.viewSubmission(
        PulseIds.ANSWER_VIEW,
        (req, ctx) -> {
          String user = req.getPayload().getUser().getId();
          long roundId = Long.parseLong(req.getPayload().getView().getPrivateMetadata());
          Map<String, String> errors = new LinkedHashMap<>();
          View reply;
          try {
            Prepared prepared = prepare(roundId, user);
            JsonObject answers =
                parseAnswers(
                    prepared.questions(),
                    req.getPayload().getView().getState().getValues(),
                    errors);
            if (!errors.isEmpty()) {
              return ctx.ackWithErrors(errors);
            }
            service.recordAnswer(roundId, user, answers);
            reply = PulseBlocks.thanks(prepared.survey(), prepared.round());
          } catch (UserFacingException e) {
            reply = PulseBlocks.notice(e.getMessage());
          }
          View view = reply;
          return ctx.ack(r -> r.responseAction("update").view(view));
        });
  }

  record Prepared(PulseSurvey survey, PulseRound round, List<Question> questions, int k) {}

  @Transactional
  Prepared prepare(long roundId, String userId) {
    PulseRound round = service.answerableRound(roundId, userId);
    PulseSurvey survey = PulseSurvey.findById(round.surveyId);
    return new Prepared(survey, round, survey.questionList(), service.k(survey));
  }

  private Response openAnswerModal(
      ActionContext ctx, String userId, String triggerId, String roundValue, Integer preset)
      throws java.io.IOException, com.slack.api.methods.SlackApiException {
    View view;
    try {
      Prepared p = prepare(Long.parseLong(roundValue), userId);
      view =
          PulseBlocks.answerModal(
              p.survey(),
              p.round(),
              p.questions(),
              preset,
              p.k(),
              settings.privacyLink().orElse(null));
    } catch (UserFacingException e) {
      view = PulseBlocks.notice(e.getMessage());
    }
    View v = view;
    ctx.client().viewsOpen(r -> r.triggerId(triggerId).view(v));
    return ctx.ack();
  }

  // ---------------------------------------------------------------- parsing

  static JsonObject parseAnswers(
      List<Question> questions,
      Map<String, Map<String, ViewState.Value>> values,
      Map<String, String> errors) {
    JsonObject answers = new JsonObject();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      String blockId = PulseIds.question(i);
      ViewState.Value v = value(values, blockId);
      boolean given = false;
      if (v != null) {
        switch (q.type()) {
          case LIKERT, ENPS, SINGLE -> {
            if (v.getSelectedOption() != null) {
              int n = Integer.parseInt(v.getSelectedOption().getValue());
              if (n < q.min() || n > q.max()) {
                errors.put(blockId, "Please pick one of the options.");
                continue;
              }
              answers.addProperty(String.valueOf(i), n);
              given = true;
            }
          }
          case MULTI -> {
            if (v.getSelectedOptions() != null && !v.getSelectedOptions().isEmpty()) {
              JsonArray picked = new JsonArray();
              v.getSelectedOptions().stream()
                  .map(o -> Integer.parseInt(o.getValue()))
                  .filter(n -> n >= 0 && n < q.options().size())
                  .distinct()
                  .sorted()
                  .forEach(picked::add);
              answers.add(String.valueOf(i), picked);
              given = !picked.isEmpty();
            }
          }
          case TEXT -> {
            if (v.getValue() != null && !v.getValue().isBlank()) {
              String text = v.getValue().strip();
              answers.addProperty(
                  String.valueOf(i), text.length() > 2000 ? text.substring(0, 2000) : text);
              given = true;
            }
          }
        }
      }
      if (!given && !q.optional()) {
        errors.put(blockId, "Please answer this question (it is not optional).");
      }
    }
    return answers;
  }

  PulseService.NewSurvey parseNewSurvey(
      Map<String, Map<String, ViewState.Value>> values, Map<String, String> errors) {
    String title = text(values, PulseIds.TITLE);
    if (title == null || title.isBlank()) {
      errors.put(PulseIds.TITLE, "Give the survey a title.");
    }
    List<Question> questions = List.of();
    String questionText = text(values, PulseIds.QUESTIONS);
    String template = selected(values, PulseIds.TEMPLATE);
    try {
      questions =
          questionText == null || questionText.isBlank()
              ? PulseQuestions.template(template)
              : PulseQuestions.parse(questionText);
      if (questions.isEmpty()) {
        errors.put(PulseIds.QUESTIONS, "Write at least one question, or pick a template.");
      }
    } catch (IllegalArgumentException e) {
      errors.put(PulseIds.QUESTIONS, e.getMessage());
    }
    ViewState.Value channel = value(values, PulseIds.CHANNEL);
    String channelId = channel == null ? null : channel.getSelectedConversation();
    String usergroup = text(values, PulseIds.USERGROUP);
    ViewState.Value people = value(values, PulseIds.PEOPLE);
    List<String> users =
        people == null || people.getSelectedUsers() == null ? List.of() : people.getSelectedUsers();
    int chosen =
        (channelId != null ? 1 : 0)
            + (usergroup != null && !usergroup.isBlank() ? 1 : 0)
            + (users.isEmpty() ? 0 : 1);
    PulseSurvey.AudienceKind kind = null;
    String audience = null;
    if (chosen != 1) {
      errors.put(PulseIds.CHANNEL, "Pick exactly one audience: a channel, a user group or people.");
    } else if (channelId != null) {
      kind = PulseSurvey.AudienceKind.CHANNEL;
      audience = channelId;
    } else if (!users.isEmpty()) {
      kind = PulseSurvey.AudienceKind.PEOPLE;
      audience = String.join(",", users);
    } else if (!USERGROUP_ID.matcher(usergroup.trim()).matches()) {
      errors.put(PulseIds.USERGROUP, "A user group id looks like S0123ABC.");
    } else {
      kind = PulseSurvey.AudienceKind.USERGROUP;
      audience = usergroup.trim();
    }
    boolean anonymous = !"named".equals(selected(values, PulseIds.ANONYMITY));
    String schedule = selected(values, PulseIds.SCHEDULE);
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
      ViewState.Value date = value(values, PulseIds.START_DATE);
      ViewState.Value time = value(values, PulseIds.START_TIME);
      if (date == null || date.getSelectedDate() == null) {
        errors.put(PulseIds.START_DATE, "Pick the date of the first round.");
      } else {
        LocalTime at =
            time == null || time.getSelectedTime() == null
                ? LocalTime.of(10, 0)
                : LocalTime.parse(time.getSelectedTime());
        start = LocalDate.parse(date.getSelectedDate()).atTime(at);
      }
    }
    String openFor = selected(values, PulseIds.OPEN_FOR);
    int openDays =
        openFor == null
            ? (int) Math.max(1, settings.defaultOpen().toDays())
            : Integer.parseInt(openFor);
    int k = settings.k();
    String kText = text(values, PulseIds.MIN_ANSWERS);
    if (kText != null && !kText.isBlank()) {
      try {
        k = Integer.parseInt(kText.trim());
        if (k < PulseSettings.FLOOR) {
          errors.put(
              PulseIds.MIN_ANSWERS,
              "At least " + PulseSettings.FLOOR + ": fewer answers could identify people.");
        }
      } catch (NumberFormatException e) {
        errors.put(PulseIds.MIN_ANSWERS, "A whole number, at least " + PulseSettings.FLOOR + ".");
      }
    }
    Map<String, ViewState.Value> sliceBlock = values == null ? null : values.get(PulseIds.SLICES);
    ViewState.Value sliceValue =
        sliceBlock == null || sliceBlock.isEmpty() ? null : sliceBlock.values().iterator().next();
    List<Slice> slices =
        sliceValue == null || sliceValue.getSelectedOptions() == null
            ? List.of()
            : sliceValue.getSelectedOptions().stream()
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
    if (slices.size() > Slice.MAX) {
      errors.put(PulseIds.SLICES, "Pick at most " + Slice.MAX + " teams.");
    }
    String label =
        kind == null
            ? null
            : switch (kind) {
              case CHANNEL, USERGROUP -> audience;
              case PEOPLE -> users.size() + " people";
            };
    return new PulseService.NewSurvey(
        title == null ? "" : title.strip(),
        questions,
        kind,
        audience,
        label,
        anonymous,
        k,
        openDays,
        repeatWeeks,
        start,
        slices);
  }

  private static ViewState.Value value(
      Map<String, Map<String, ViewState.Value>> values, String blockId) {
    Map<String, ViewState.Value> block = values == null ? null : values.get(blockId);
    return block == null ? null : block.get(PulseIds.VALUE);
  }

  private static String text(Map<String, Map<String, ViewState.Value>> values, String blockId) {
    ViewState.Value v = value(values, blockId);
    return v == null ? null : v.getValue();
  }

  private static String selected(Map<String, Map<String, ViewState.Value>> values, String blockId) {
    ViewState.Value v = value(values, blockId);
    return v == null || v.getSelectedOption() == null ? null : v.getSelectedOption().getValue();
  }
}
