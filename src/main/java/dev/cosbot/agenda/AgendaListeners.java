package dev.cosbot.agenda;

import com.slack.api.bolt.App;
import dev.cosbot.ingress.SlackListeners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Maps each agenda id to its one handler. */
@ApplicationScoped
public class AgendaListeners implements SlackListeners {
  @Inject AgendaAddButtonHandler add;
  @Inject AgendaAddSubmitHandler addForm;
  @Inject AgendaCoveredSubmitHandler coveredForm;

  @Override
  public void register(App app) {
    app.blockAction(AgendaIds.ADD_BUTTON, add);
    app.viewSubmission(AgendaIds.ADD_CALLBACK, addForm);
    app.viewSubmission(AgendaIds.COVERED_CALLBACK, coveredForm);
  }
}
