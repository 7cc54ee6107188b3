package dev.cosbot.platform.slack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Timeouts and the retry policy of every Web API call cos-bot makes. */
@ConfigMapping(prefix = "cosbot.slack-client")
public interface SlackClientSettings {
  /** Timeout of one Web API call (connect, send and read together, plus 5 s). */
  @WithDefault("PT10S")
  Duration callTimeout();

  /** Timeout to open a connection to Slack. */
  @WithDefault("PT5S")
  Duration connectTimeout();

  /** Attempts of a read (users.info, users.list…) before the caller gets an empty answer. */
  @WithDefault("3")
  int readAttempts();

  /** Longest a read waits for a Retry-After or a backoff before giving up. */
  @WithDefault("PT5S")
  Duration readMaxWait();

  /** First delay after a transient failure; doubles each attempt, with jitter. */
  @WithDefault("PT1S")
  Duration initialBackoff();

  /** Largest delay between two attempts (outbox messages keep trying at this pace). */
  @WithDefault("PT5M")
  Duration maxBackoff();

  /** First delay between two auth.test probes while paused; doubles up to {@link #maxBackoff()}. */
  @WithDefault("PT5S")
  Duration authProbeInitial();

  /**
   * A Web API call made while a database transaction is open holds a connection and row locks for
   * as long as Slack takes. {@code true}: refuse such a call (tests); {@code false}: log it and
   * count it in {@code cosbot_slack_calls_in_transaction_total}.
   */
  @WithDefault("false")
  boolean refuseCallsInTransaction();
}
