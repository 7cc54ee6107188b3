package dev.cosbot.dashboard;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns quarkus-oidc on only when COSBOT_SLACK_CLIENT_ID and COSBOT_SLACK_CLIENT_SECRET are both
 * set, so the default installation and the tests run without any OAuth setup. An explicit {@code
 * quarkus.oidc.tenant-enabled} anywhere else wins (ordinal below application.properties).
 */
public class SlackSignInConfig implements ConfigSource {
  static final String KEY = "quarkus.oidc.tenant-enabled";

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(KEY);
  }

  @Override
  public String getValue(String propertyName) {
    if (!KEY.equals(propertyName)) {
      return null;
    }
    return String.valueOf(
        present("COSBOT_SLACK_CLIENT_ID") && present("COSBOT_SLACK_CLIENT_SECRET"));
  }

  private static boolean present(String name) {
    String v = System.getenv(name);
    return v != null && !v.isBlank();
  }

  @Override
  public Map<String, String> getProperties() {
    return Map.of(KEY, getValue(KEY));
  }

  @Override
  public int getOrdinal() {
    return 200;
  }

  @Override
  public String getName() {
    return "cos-bot Sign in with Slack switch";
  }
}
