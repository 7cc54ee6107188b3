package dev.cosbot.home;

import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.people.WorkspaceSetting;
import dev.cosbot.platform.spi.HomeAction;
import dev.cosbot.platform.spi.HomeSection;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Builds and publishes a person's App Home tab (through the outbox). */
@ApplicationScoped
public class HomeService {
  @Inject Roles roles;
  @Inject Outbox outbox;
  @Inject SignedMetadata signer;
  @Inject @Any Instance<HomeSection> sections;

  private volatile String knownApp;

  /** Remembers the workspace and app ids Slack sent, so messages can link to the Home tab. */
  @Transactional
  public void rememberApp(String teamId, String appId) {
    if (teamId == null || appId == null) {
      return;
    }
    String app = teamId + " " + appId;
    if (!app.equals(knownApp)) {
      if (!WorkspaceSetting.get(WorkspaceSetting.SLACK_APP).filter(app::equals).isPresent()) {
        WorkspaceSetting.put(WorkspaceSetting.SLACK_APP, app, "slack");
      }
      knownApp = app;
    }
  }

  /** Publishes {@code userId}'s tab because of {@code eventId} (a retried event publishes once). */
  @Transactional
  public void publish(String userId, String eventId) {
    Caller caller = roles.of(userId);
    List<HomeSection> ordered =
        sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
    List<HomeAction> featureActions = new ArrayList<>();
    ordered.forEach(s -> featureActions.addAll(s.primaryActions(caller)));
    List<HomeAction> commandActions = new ArrayList<>();
    List<HomeMessages.CommandAction> own = HomeMessages.commandActions(caller);
    for (int i = 0; i < own.size(); i++) {
      commandActions.add(
          new HomeAction(
              own.get(i).label(),
              HomeBlocks.ACTION_PREFIX + i,
              signer.sign(userId + " " + own.get(i).command())));
    }
    outbox.enqueue(
        SlackCalls.publishHome(
            HomeMessages.publishKey(userId, eventId),
            userId,
            HomeBlocks.home(
                caller,
                ordered.stream().map(s -> s.blocksFor(caller)).toList(),
                featureActions,
                commandActions)));
  }
}
