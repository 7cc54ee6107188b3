package dev.cosbot.ingress;

import com.slack.api.bolt.App;
import com.slack.api.model.event.TeamJoinEvent;
import com.slack.api.model.event.UserChangeEvent;
import dev.cosbot.platform.people.PeopleDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Keeps the directory current from Slack's user_change and team_join events. */
@ApplicationScoped
public class PeopleListeners implements SlackListeners {
  @Inject PeopleDirectory directory;

  @Override
  public void register(App app) {
    app.event(
        UserChangeEvent.class,
        (req, ctx) -> {
          directory.upsert(req.getEvent().getUser());
          return ctx.ack();
        });
    app.event(
        TeamJoinEvent.class,
        (req, ctx) -> {
          directory.upsert(req.getEvent().getUser());
          return ctx.ack();
        });
  }
}
