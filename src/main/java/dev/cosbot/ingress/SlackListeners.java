package dev.cosbot.ingress;

import com.slack.api.bolt.App;

/**
 * Implemented by each feature's listener class: registers that feature's commands, actions, views
 * and events on the one Bolt {@link App}. Discovered through CDI.
 */
public interface SlackListeners {
  void register(App app);
}
