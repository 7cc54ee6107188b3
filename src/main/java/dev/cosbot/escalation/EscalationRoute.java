package dev.cosbot.escalation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A routing rule: escalations matching its area and/or keywords go to its owner, channel and
 * backup.
 */
@Entity
@Table(name = "escalation_route")
public class EscalationRoute extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** Lower is tried first. */
  public int priority;

  /** Matches escalations of this area (case-insensitive), or any area when null. */
  public String area;

  /**
   * Comma-separated lower-case keywords; any one in the title or details matches. Null: no keyword
   * test.
   */
  public String keywords;

  @Column(name = "owner_user")
  public String ownerUser;

  @Column(name = "owner_group")
  public String ownerGroup;

  @Column(name = "channel_id")
  public String channelId;

  @Column(name = "backup_user")
  public String backupUser;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  public List<String> keywordList() {
    if (keywords == null || keywords.isBlank()) {
      return List.of();
    }
    return Arrays.stream(keywords.split(","))
        .map(s -> s.trim().toLowerCase(Locale.ROOT))
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** All rules in the order they are tried. */
  public static List<EscalationRoute> ordered() {
    return list("order by priority, id");
  }
}
