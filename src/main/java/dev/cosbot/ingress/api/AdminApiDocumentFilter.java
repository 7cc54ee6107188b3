package dev.cosbot.ingress.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The OpenAPI document's header (what the API is, its tags, its one security scheme: an opaque
 * bearer token, not a JWT) and what {@link ApiTokenFilter} and {@link ApiErrors} do to every
 * /api/v1 call — the bearer requirement, 401 without a valid token, the JSON error body — written
 * once, so a new endpoint cannot be documented without them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AdminApiDocumentFilter implements OASFilter {
  private static final String ERROR_SCHEMA = "Error";
  private static final Map<String, String> TAGS = new LinkedHashMap<>();

  static {
    TAGS.put(AdminApiDocument.OUTBOX, "Messages waiting for Slack and dead letters");
    TAGS.put(AdminApiDocument.ESCALATIONS, "Escalations, their chain of owners and audit trail");
    TAGS.put(AdminApiDocument.DECISIONS, "The decision log");
    TAGS.put(AdminApiDocument.PULSE, "Pulse survey results (anonymity thresholds kept)");
    TAGS.put(AdminApiDocument.STATUS, "Status updates: rollups and exports");
    TAGS.put(AdminApiDocument.CADENCES, "Cadences and their calendar feed");
    TAGS.put(AdminApiDocument.SLACK, "Requests from Slack (signed by Slack, no token)");
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    openAPI.setInfo(
        OASFactory.createInfo()
            .title("cos-bot admin API")
            .version("1")
            .description(
                "Read-only views of the outbox, escalations, decisions, pulse results and status"
                    + " updates, plus two operator actions. Every /api/v1 call needs"
                    + " `Authorization: Bearer <COSBOT_API_TOKEN>`; errors are a small JSON body"
                    + " `{\"error\": \"...\"}`.")
            .license(OASFactory.createLicense().name("Apache-2.0")));
    openAPI.setTags(
        TAGS.entrySet().stream()
            .map(t -> OASFactory.createTag().name(t.getKey()).description(t.getValue()))
            .toList());
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    openAPI
        .getComponents()
        .setSecuritySchemes(
            Map.of(
                AdminApiDocument.BEARER,
                OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .description(
                        "The opaque token set as COSBOT_API_TOKEN, compared in constant time (not"
                            + " a JWT). Without it configured the API answers 401 to everyone.")));
    openAPI
        .getComponents()
        .addSchema(
            ERROR_SCHEMA,
            OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("Error body of the admin API")
                .addProperty(
                    "error",
                    OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .description("What went wrong, e.g. \"unauthorized\""))
                .addProperty(
                    "ref",
                    OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .description("Reference to the server log entry (500 only)"))
                .addRequired("error"));
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      if (!path.getKey().startsWith("/api/v1")) {
        continue;
      }
      for (Operation operation : path.getValue().getOperations().values()) {
        operation.setSecurity(null);
        operation.addSecurityRequirement(
            OASFactory.createSecurityRequirement().addScheme(AdminApiDocument.BEARER));
        operation.getResponses().addAPIResponse("401", error("Missing or wrong bearer token"));
        if (operation.getResponses().getAPIResponse("400") != null) {
          operation
              .getResponses()
              .addAPIResponse("400", error("A parameter is malformed; the body says which"));
        }
        operation
            .getResponses()
            .addAPIResponse("500", error("Unexpected failure; `ref` points to the server log"));
      }
    }
  }

  private static APIResponse error(String description) {
    return OASFactory.createAPIResponse()
        .description(description)
        .content(
            OASFactory.createContent()
                .addMediaType(
                    "application/json",
                    OASFactory.createMediaType()
                        .schema(
                            OASFactory.createSchema()
                                .ref("#/components/schemas/" + ERROR_SCHEMA))));
  }
}
