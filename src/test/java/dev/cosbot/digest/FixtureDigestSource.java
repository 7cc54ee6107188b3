package dev.cosbot.digest;

import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestRequest;
import dev.cosbot.platform.spi.DigestSource;
import dev.cosbot.platform.spi.TeamSignal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A test-only digest source standing in for the features (status, escalation, pulse, cadence):
 * returns whatever a test put in {@link #items}/{@link #signals}, nothing otherwise, so it is
 * invisible to other test classes. {@link #failing} makes it throw, like a broken feature.
 */
@ApplicationScoped
public class FixtureDigestSource implements DigestSource {
  public static final String NAME = "fixture";

  public static volatile List<DigestItem> items = List.of();
  public static volatile List<TeamSignal> signals = List.of();
  public static volatile boolean failing;

  public static void reset() {
    items = List.of();
    signals = List.of();
    failing = false;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<DigestItem> items(DigestRequest request) {
    if (failing) {
      throw new IllegalStateException("fixture source broken on purpose");
    }
    return items;
  }

  @Override
  public List<TeamSignal> teamSignals(DigestRequest request) {
    return failing ? List.of() : signals;
  }
}
