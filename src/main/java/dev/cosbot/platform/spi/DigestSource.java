package dev.cosbot.platform.spi;

import java.util.List;

/**
 * A feature's contribution to the CXO digest. Each feature (status, escalation, pulse, cadence,
 * decisions) provides one {@code @ApplicationScoped} bean implementing this; the digest finds them
 * all through CDI, ranks, caps and renders. Sources only read: they never send anything.
 *
 * <p>Sources must be fast (one or two indexed queries) and must never reveal what a reader may not
 * see: pulse sources respect the anonymity threshold; confidential escalations show only their
 * severity and area to readers who are not owner, Chief of Staff or CXO.
 */
public interface DigestSource {
  /** A short name for logs and the preview footer, e.g. {@code escalation}. */
  String name();

  /** The lines this feature contributes for {@code request}. */
  List<DigestItem> items(DigestRequest request);

  /** This feature's contribution to the per-team risk radar (empty by default). */
  default List<TeamSignal> teamSignals(DigestRequest request) {
    return List.of();
  }

  /**
   * The buttons shown on {@code item}'s line: by default its one {@link DigestItem#button()}. A
   * source may offer several (decisions: Approve / Decline / Delegate / Ask for more); the digest
   * shows them in an actions block under the line.
   */
  default List<DigestButton> buttons(DigestItem item) {
    return item.button() == null ? List.of() : List.of(item.button());
  }
}
