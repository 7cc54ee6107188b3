package dev.cosbot.hostile;

import java.util.List;

/**
 * A source of hostile inputs for {@link HostileInputTest}. Implement it as a CDI bean
 * ({@code @ApplicationScoped}) in test sources, next to your feature's tests, and the suite picks
 * your cases up: each is sent to the running app, checked, and listed in {@code
 * target/hostile-report.json}.
 */
public interface HostileCases {
  /** The cases, in the order they should run. */
  List<HostileCase> cases();

  /**
   * Tables whose contents must not change when a case marked {@link HostileCase#changesNothing()}
   * runs (row count and a checksum of every row). Add your feature's tables here.
   */
  default List<String> watchedTables() {
    return List.of();
  }
}
