package dev.cosbot.digest;

import com.slack.api.bolt.App;
import dev.cosbot.ingress.SlackListeners;
import dev.cosbot.platform.spi.DigestButton;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The digest's own button, one handler per action id. */
@ApplicationScoped
public class DigestListeners implements SlackListeners {
  @Inject DigestAskOwnerHandler askOwner;

  @Override
  public void register(App app) {
    app.blockAction(DigestButton.ASK_OWNER, askOwner);
  }
}
