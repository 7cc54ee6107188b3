package dev.cosbot.escalation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A problem someone raised, routed to an owner, with its SLA clock and chain position. */
@Entity
@Table(name = "escalation")
public class Escalation extends PanacheEntityBase {
  /** Where it is in its life. */
  public enum Status {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String title;
  public String details;

  @Enumerated(EnumType.STRING)
  public Severity severity;

  public String area;
  public String link;
  public boolean confidential;
  public String reporter;

  /** The rule that routed it (null: the default route to the Chiefs of Staff). */
  @Column(name = "route_id")
  public Long routeId;

  /** How it was routed, as text kept even if the rule is later removed. */
  @Column(name = "route_label")
  public String routeLabel;

  @Column(name = "owner_user")
  public String ownerUser;

  @Column(name = "owner_group")
  public String ownerGroup;

  @Column(name = "channel_id")
  public String channelId;

  @Column(name = "backup_user")
  public String backupUser;

  @Enumerated(EnumType.STRING)
  public Status status;

  /** The last chain step taken (0: still with the owner). */
  @Column(name = "chain_step")
  public int chainStep;

  /**
   * When the next climb step is due while nobody acknowledges (null: end of the chain or not open).
   */
  @Column(name = "next_climb_at")
  public Instant nextClimbAt;

  /**
   * Comma-separated user ids who were sent the card by DM (owner, Chiefs of Staff, chain links).
   */
  public String notified = "";

  public java.util.Set<String> notifiedUsers() {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (String s : notified.split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  /** Who owns it: a person, a user group, or neither (the Chiefs of Staff). */
  public record Owner(String user, String group) {
    @Override
    public String toString() {
      return user != null ? user : group != null ? group : "the Chiefs of Staff";
    }
  }

  /** The current owner. */
  public Owner owner() {
    return new Owner(ownerUser, ownerGroup);
  }

  public void addNotified(String userId) {
    java.util.Set<String> users = notifiedUsers();
    users.add(userId);
    String joined = String.join(",", users);
    if (joined.length() <= 2000) {
      notified = joined;
    }
  }

  /** Outbox key of the message whose thread carries the escalation's story. */
  @Column(name = "thread_key")
  public String threadKey;

  @Column(name = "reporter_version")
  public int reporterVersion;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "ack_due_at")
  public Instant ackDueAt;

  @Column(name = "resolve_due_at")
  public Instant resolveDueAt;

  @Column(name = "acknowledged_at")
  public Instant acknowledgedAt;

  @Column(name = "acknowledged_by")
  public String acknowledgedBy;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  @Column(name = "resolved_by")
  public String resolvedBy;

  public String resolution;

  @Column(name = "ack_breached_at")
  public Instant ackBreachedAt;

  @Column(name = "resolve_breached_at")
  public Instant resolveBreachedAt;

  public boolean isOpen() {
    return status != Status.RESOLVED;
  }

  /** Open and acknowledged escalations, most severe and oldest first. */
  public static List<Escalation> unresolved() {
    return list("status <> ?1 order by severity, createdAt", Status.RESOLVED);
  }

  public static List<Escalation> resolvedSince(Instant since) {
    return list(
        "status = ?1 and resolvedAt >= ?2 order by resolvedAt desc", Status.RESOLVED, since);
  }
}
