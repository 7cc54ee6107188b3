package dev.cosbot.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** SLA targets: plain durations, and business days that skip weekends. */
class SlaTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  @Test
  void durations() {
    assertThat(Sla.parse("PT15M").after(Instant.parse("2026-11-27T10:00:00Z"), UTC))
        .isEqualTo(Instant.parse("2026-11-27T10:15:00Z"));
    assertThat(Sla.parse("P2D").after(Instant.parse("2026-11-27T10:00:00Z"), UTC))
        .isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
    assertThat(Sla.parse("PT15M").describe()).isEqualTo("15 minutes");
    assertThat(Sla.parse("PT4H").describe()).isEqualTo("4 hours");
    assertThat(Sla.parse("P2D").describe()).isEqualTo("2 days");
    assertThat(Sla.parse("5bd").describe()).isEqualTo("5 business days");
    assertThat(Sla.parse("1bd").describe()).isEqualTo("1 business day");
    assertThat(Sla.parse("PT1H").describe()).isEqualTo("1 hour");
    assertThat(Sla.parse("PT90M").describe()).isEqualTo("1 hour 30 minutes");
  }

  @Test
  void businessDaysSkipWeekends() {
    // 2026-11-27 is a Friday.
    assertThat(Sla.parse("1bd").after(Instant.parse("2026-11-27T10:00:00Z"), UTC))
        .isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    assertThat(Sla.parse("5bd").after(Instant.parse("2026-11-25T09:00:00Z"), UTC))
        .isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));
    // A Saturday start counts from Monday 00:00.
    assertThat(Sla.parse("1bd").after(Instant.parse("2026-11-28T15:00:00Z"), UTC))
        .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    // Weekends are judged in the business time zone: Friday 23:30 in New York is Saturday in UTC.
    ZoneId ny = ZoneId.of("America/New_York");
    assertThat(Sla.parse("1bd").after(Instant.parse("2026-11-28T04:30:00Z"), ny))
        .isEqualTo(Instant.parse("2026-12-01T04:30:00Z"));
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> Sla.parse("soon")).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> Sla.parse("PT0S")).isInstanceOf(IllegalArgumentException.class);
  }
}
