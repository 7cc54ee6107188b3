package dev.cosbot.home;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.cosbot.ingress.SlackListeners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Refreshes the Home tab each time someone opens it. */
@ApplicationScoped
public class HomeListeners implements SlackListeners {
  @Inject HomeService home;

  @Override
  public void register(App app) {
    app.event(
        AppHomeOpenedEvent.class,
        (req, ctx) -> {
          if ("home".equals(req.getEvent().getTab())) {
            home.publish(req.getEvent().getUser(), req.getEventId());
          }
          return ctx.ack();
        });
  }
}
