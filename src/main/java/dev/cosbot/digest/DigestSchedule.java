package dev.cosbot.digest;

import dev.cosbot.platform.people.WorkspaceSetting;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When the digest goes out: the time and days a Chief of Staff set on the dashboard, else the
 * deployment's configuration (COSBOT_DIGEST_SEND_AT, COSBOT_DIGEST_DAYS).
 */
@ApplicationScoped
public class DigestSchedule {
  static final String SEND_AT = "digest.send-at";
  static final String DAYS = "digest.days";

  /** The schedule in force. */
  public record Times(LocalTime sendAt, Set<DayOfWeek> days) {}

  @Inject DigestSettings settings;

  /** Read from the database each time, so every replica follows a change at once. */
  public Times now() {
    return QuarkusTransaction.joiningExisting()
        .call(
            () ->
                new Times(
                    WorkspaceSetting.get(SEND_AT).map(LocalTime::parse).orElse(settings.sendAt()),
                    WorkspaceSetting.get(DAYS).map(DigestSchedule::days).orElse(settings.days())));
  }

  /** Stores a new schedule (inside the caller's transaction). */
  void set(LocalTime sendAt, Set<DayOfWeek> days, String by) {
    WorkspaceSetting.put(SEND_AT, sendAt.toString(), by);
    WorkspaceSetting.put(
        DAYS, days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")), by);
  }

  private static Set<DayOfWeek> days(String list) {
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    for (String d : list.split(",")) {
      if (!d.isBlank()) {
        out.add(DayOfWeek.valueOf(d.trim()));
      }
    }
    return out;
  }
}
