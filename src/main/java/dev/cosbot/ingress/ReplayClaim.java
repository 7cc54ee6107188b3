package dev.cosbot.ingress;

/**
 * The replay receipt of the request being handled on this thread, so that the receipt is written
 * where it costs the ack nothing: inside the transaction of the work after the ack (the receipt and
 * the effect commit together or not at all), or not at all for a request that changes nothing. Bolt
 * runs the middleware and the handler on one thread, so a thread-local carries it.
 */
public final class ReplayClaim {
  private static final ThreadLocal<ReplayClaim> CURRENT = new ThreadLocal<>();

  final String id;
  final String key;
  final boolean claimed;
  boolean deferred;
  boolean noEffect;

  ReplayClaim(String id, String key, boolean claimed) {
    this.id = id;
    this.key = key;
    this.claimed = claimed;
  }

  void open() {
    CURRENT.set(this);
  }

  void close() {
    CURRENT.remove();
  }

  /**
   * Called by work that runs after the ack: the receipt id it must claim in its own transaction, or
   * null when there is none or it is already claimed.
   */
  static String deferToWork() {
    ReplayClaim current = CURRENT.get();
    if (current == null) {
      return null;
    }
    current.deferred = true;
    return current.claimed ? null : current.id;
  }

  /** The handler answered without changing anything (help, a usage hint): no receipt needed. */
  public static void noEffect() {
    ReplayClaim current = CURRENT.get();
    if (current != null) {
      current.noEffect = true;
    }
  }
}
