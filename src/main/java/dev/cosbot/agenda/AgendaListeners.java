package dev.cosbot.agenda;

import com.slack.api.bolt.App;
import dev.cosbot.ingress.SlackListeners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Registers the agenda's button and forms. */
@ApplicationScoped
public class AgendaListeners implements SlackListeners {
  @Inject AgendaAddButtonHandler add;
  @Inject AgendaFormHandler forms;

  @Override
  public void register(App app) {
    app.blockAction(AgendaIds.ADD_BUTTON, add);
    app.viewSubmission(AgendaIds.ADD_CALLBACK, forms);
    app.viewSubmission(AgendaIds.COVERED_CALLBACK, forms);
  }
}
