package dev.cosbot.cadence;

import com.slack.api.bolt.App;
import dev.cosbot.ingress.SlackListeners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Registers one handler per cadence form and button. */
@ApplicationScoped
public class CadenceListeners implements SlackListeners {
  @Inject CadenceNewSubmitHandler create;
  @Inject CadencePreviewHandler preview;
  @Inject CadenceToggleTaskHandler toggle;

  @Override
  public void register(App app) {
    app.viewSubmission(CadenceIds.NEW_CALLBACK, create);
    app.blockAction(CadenceIds.A_PREVIEW, preview);
    app.blockAction(CadenceIds.A_TOGGLE_TASK, toggle);
  }
}
