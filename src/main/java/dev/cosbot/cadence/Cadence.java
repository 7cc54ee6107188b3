package dev.cosbot.cadence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A recurring process (weekly staff meeting, monthly all-hands, …) with its schedule and reminders.
 */
@Entity
@Table(name = "cadence")
public class Cadence extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String name;

  @Column(name = "owner_id")
  public String ownerId;

  public String rrule;

  @Column(name = "starts_local")
  public LocalDateTime startsLocal;

  @Column(name = "time_zone")
  public String timeZone;

  @Column(name = "channel_id")
  public String channelId;

  /** Slack user ids, space separated. */
  public String people;

  public String message;

  @Column(name = "lead_minutes")
  public String leadMinutes;

  public boolean paused;

  @Column(name = "active_since")
  public Instant activeSince;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  public static Optional<Cadence> byName(String name) {
    return find("lower(name) = ?1", name.trim().toLowerCase(java.util.Locale.ROOT))
        .firstResultOptional();
  }

  public static List<Cadence> allByName() {
    return list("order by lower(name)");
  }

  public static List<Cadence> active() {
    return list("paused = false order by id");
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  public CadenceSchedule schedule() {
    return new CadenceSchedule(rrule, startsLocal, zone());
  }

  public List<Integer> leads() {
    return LeadTimes.load(leadMinutes);
  }

  public List<String> peopleIds() {
    return people == null || people.isBlank()
        ? List.of()
        : Arrays.stream(people.trim().split("\\s+")).toList();
  }

  /** Where reminders and the occurrence post go: the channel, then each person's DM. */
  public List<String> destinations() {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (channelId != null && !channelId.isBlank()) {
      out.add(channelId);
    }
    out.addAll(peopleIds());
    return out.stream().distinct().toList();
  }
}
