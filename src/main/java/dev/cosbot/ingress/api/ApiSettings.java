package dev.cosbot.ingress.api;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The admin REST API under /api/v1. */
@ConfigMapping(prefix = "cosbot.api")
public interface ApiSettings {
  /** Bearer token for /api/v1 (COSBOT_API_TOKEN). Without it the API answers 401 to everyone. */
  Optional<String> token();
}
