package dev.cosbot.digest;

import dev.cosbot.platform.spi.WorkspaceControls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The digest's schedule as the dashboard's settings page shows it. */
@ApplicationScoped
public class DigestControls implements WorkspaceControls {
  @Inject DigestSettings settings;

  @Override
  public Optional<DigestTime> digestTime() {
    return Optional.of(new DigestTime(settings.sendAt(), settings.days()));
  }
}
