package dev.cosbot.home;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.cosbot.ingress.SlackListeners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;

/** Refreshes the Home tab each time someone opens it, and routes its primary actions. */
@ApplicationScoped
public class HomeListeners implements SlackListeners {
  @Inject HomeService home;
  @Inject HomeActionHandler action;

  @Override
  public void register(App app) {
    app.event(
        AppHomeOpenedEvent.class,
        (req, ctx) -> {
          if ("home".equals(req.getEvent().getTab())) {
            home.rememberApp(req.getTeamId(), req.getApiAppId());
            home.publish(req.getEvent().getUser(), req.getEventId());
          }
          return ctx.ack();
        });
    app.blockAction(Pattern.compile("^" + HomeBlocks.ACTION_PREFIX + "\\d$"), action);
  }
}
