package dev.cosbot.platform.people;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A single workspace-wide setting (who the CXO is, the calendar feed secret, …). */
@Entity
@Table(name = "workspace_setting")
public class WorkspaceSetting extends PanacheEntityBase {
  public static final String CXO = "cxo";

  /**
   * {@code <team id> <app id>} as Slack sent them with the last Home opening: lets messages link to
   * the Home tab ({@code slack://app?team=…&id=…&tab=home}).
   */
  public static final String SLACK_APP = "slack.app";

  @Id
  @Column(name = "setting_key")
  public String key;

  @Column(name = "setting_value")
  public String value;

  @Column(name = "updated_by")
  public String updatedBy;

  @Column(name = "updated_at")
  public Instant updatedAt;

  public static Optional<String> get(String key) {
    return WorkspaceSetting.<WorkspaceSetting>findByIdOptional(key).map(s -> s.value);
  }

  public static void put(String key, String value, String updatedBy) {
    WorkspaceSetting setting = findById(key);
    if (setting == null) {
      setting = new WorkspaceSetting();
      setting.key = key;
    }
    setting.value = value;
    setting.updatedBy = updatedBy;
    setting.updatedAt = Instant.now();
    setting.persist();
  }
}
