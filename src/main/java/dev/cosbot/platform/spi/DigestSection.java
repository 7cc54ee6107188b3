package dev.cosbot.platform.spi;

/** The three parts of the CXO digest, in the order they are shown. */
public enum DigestSection {
  /**
   * Needs the CXO: S1/S2 escalations and SLA breaches, initiatives turned red, asks and decisions
   * for the CXO.
   */
  NEEDS_YOU,
  /**
   * Worth watching: amber initiatives, missing/stale updates, pulse drops, escalations aging toward
   * SLA.
   */
  WATCH,
  /**
   * For information: resolved escalations, notable green updates, pulse results, the next 7 days of
   * cadences.
   */
  FYI
}
