package dev.cosbot.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** How the outbox delivers messages to Slack. */
@ConfigMapping(prefix = "cosbot.outbox")
public interface OutboxSettings {
  /** Parallel delivery workers per instance. */
  @WithDefault("4")
  int workers();

  /** How often an idle worker looks for due messages (new messages also wake it at once). */
  @WithDefault("PT0.5S")
  Duration pollInterval();

  /** How long a claimed message is reserved for one instance before another may take it over. */
  @WithDefault("PT60S")
  Duration lease();

  /**
   * Calls per minute per Web API method (Slack's tiers); methods not listed use {@link
   * #defaultPerMinute()}.
   */
  Map<String, Integer> perMinute();

  @WithDefault("50")
  int defaultPerMinute();

  /**
   * The share of every limit above that all replicas together use (0.9: a tenth kept free), so
   * Slack's own counting, clock drift and a replica that joined a moment ago stay within Slack's
   * limits.
   */
  @WithDefault("0.9")
  double headroom();

  /** Messages per second into one channel (Slack allows about one, with short bursts). */
  @WithDefault("1")
  double perChannelPerSecond();

  /** Burst of messages allowed into one channel before the per-second pace applies. */
  @WithDefault("3")
  int perChannelBurst();

  /**
   * Before re-sending a chat.postMessage whose earlier attempt may have reached Slack (timeout,
   * crash mid-send), look for it in the channel's history by its delivery mark (needs the *:history
   * scopes). Off: such a message may be delivered twice.
   */
  @WithDefault("true")
  boolean reconcile();

  /** Delivered (and expired) messages are kept this long, then purged. */
  @WithDefault("P30D")
  Duration keepSent();

  /**
   * Channel and ts of delivered messages are kept this long (after their outbox row is purged), so
   * a late update or thread reply still reaches its message.
   */
  @WithDefault("P400D")
  Duration keepReferences();

  /**
   * A Quartz cluster member that checked in within this time counts as a live replica when the rate
   * budget is shared (Quartz checks in every 5 s by default).
   */
  @WithDefault("PT20S")
  Duration replicaCheckin();

  /** How often the outbox gauges and the replica count are refreshed. */
  @WithDefault("PT10S")
  Duration gaugeInterval();
}
