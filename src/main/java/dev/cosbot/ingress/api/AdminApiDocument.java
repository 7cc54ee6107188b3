package dev.cosbot.ingress.api;

/**
 * Names shared by the resources' OpenAPI annotations and {@link AdminApiDocumentFilter}: the tags
 * and the one security scheme, an opaque bearer token (COSBOT_API_TOKEN), not a JWT.
 */
public final class AdminApiDocument {
  /** Name of the bearer security scheme that every /api/v1 operation requires. */
  public static final String BEARER = "apiToken";

  public static final String OUTBOX = "Outbox";
  public static final String ESCALATIONS = "Escalations";
  public static final String DECISIONS = "Decisions";
  public static final String PULSE = "Pulse surveys";
  public static final String STATUS = "Status updates";
  public static final String CADENCES = "Cadences";
  public static final String SLACK = "Slack";

  private AdminApiDocument() {}
}
