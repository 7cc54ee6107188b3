package dev.cosbot.pulse;

import com.slack.api.bolt.App;
import dev.cosbot.ingress.SlackListeners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;

/** Registers one handler per pulse form, button and menu. */
@ApplicationScoped
public class PulseListeners implements SlackListeners {
  @Inject PulseNewSurveySubmitHandler newSurvey;
  @Inject PulseAddQuestionHandler addQuestion;
  @Inject PulseRemoveQuestionHandler removeQuestion;
  @Inject PulsePickTemplateHandler pickTemplate;
  @Inject PulseUserGroupOptionsHandler groupOptions;
  @Inject PulseTakeSurveyHandler take;
  @Inject PulseQuickAnswerHandler quickAnswer;
  @Inject PulseAnswerSubmitHandler answer;

  @Override
  public void register(App app) {
    app.viewSubmission(PulseIds.NEW_SURVEY_VIEW, newSurvey);
    app.blockAction(PulseIds.ADD_QUESTION, addQuestion);
    app.blockAction(PulseIds.REMOVE_QUESTION, removeQuestion);
    app.blockAction(PulseIds.PICK_TEMPLATE, pickTemplate);
    app.blockSuggestion(PulseIds.GROUP_PICKER, groupOptions);
    app.blockAction(PulseIds.TAKE_SURVEY, take);
    app.blockAction(Pattern.compile(Pattern.quote(PulseIds.QUICK_ANSWER) + "\\d+"), quickAnswer);
    app.viewSubmission(PulseIds.ANSWER_VIEW, answer);
  }
}
