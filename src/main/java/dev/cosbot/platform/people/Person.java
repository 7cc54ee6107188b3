package dev.cosbot.platform.people;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A Slack user as cos-bot knows them: name, time zone, status and whether they are a Chief of
 * Staff.
 */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {
  @Id
  @Column(name = "slack_user_id")
  public String slackUserId;

  @Column(name = "display_name")
  public String displayName;

  @Column(name = "real_name")
  public String realName;

  @Column(name = "time_zone")
  public String timeZone;

  @Column(name = "is_bot")
  public boolean bot;

  public boolean deleted;

  /** A Chief of Staff: may run admin commands. */
  @Column(name = "is_admin")
  public boolean admin;

  @Column(name = "status_text")
  public String statusText;

  @Column(name = "status_emoji")
  public String statusEmoji;

  /** When the Slack status expires; null when it does not. */
  @Column(name = "status_expires_at")
  public Instant statusExpiresAt;

  @Column(name = "synced_at")
  public Instant syncedAt;

  public static Optional<Person> byId(String slackUserId) {
    return findByIdOptional(slackUserId);
  }

  public static List<Person> admins() {
    return list("admin = true and deleted = false order by slackUserId");
  }

  /** The person's time zone, UTC when Slack has not told us. */
  public ZoneId zone() {
    try {
      return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
    } catch (RuntimeException e) {
      return ZoneId.of("UTC");
    }
  }

  /** A name for messages: display name, else real name, else the id. */
  public String name() {
    if (displayName != null && !displayName.isBlank()) {
      return displayName;
    }
    return realName != null && !realName.isBlank() ? realName : slackUserId;
  }

  /** Can receive DMs from the bot. */
  public boolean reachable() {
    return !deleted && !bot;
  }
}
