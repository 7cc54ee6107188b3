package dev.cosbot.testsupport;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in every Quarkus test: real time plus an offset that a test can move
 * ({@link #advance}, {@link #setTo}) and must {@link #reset} when done. Jobs and services read
 * "now" from the injected {@link Clock}, so a test can jump to the next check-in, SLA deadline or
 * 07:30 digest without waiting and without its own test profile (each profile costs a restart).
 */
@Singleton
public class TestClock extends Clock {
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  @Produces
  @Alternative
  @Priority(1)
  @Singleton
  Clock clock() {
    return this;
  }

  /** Moves "now" forward (or back, with a negative duration). */
  public void advance(Duration by) {
    offset.updateAndGet(o -> o.plus(by));
  }

  /** Makes "now" the given instant; time keeps running from there. */
  public void setTo(Instant instant) {
    offset.set(Duration.between(Instant.now(), instant));
  }

  /** Back to real time. */
  public void reset() {
    offset.set(Duration.ZERO);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), offset.get());
  }
}
