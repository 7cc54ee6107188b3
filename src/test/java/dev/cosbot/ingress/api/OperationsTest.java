package dev.cosbot.ingress.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Admin API auth, and health, metrics and the OpenAPI document on the management port (never on the
 * public one).
 */
@QuarkusTest
class OperationsTest extends SlackTestBase {

  @Test
  void theAdminApiNeedsTheBearerToken() {
    given().get("/api/v1/outbox").then().statusCode(401).body("error", equalTo("unauthorized"));
    given().header("Authorization", "Bearer wrong").get("/api/v1/outbox").then().statusCode(401);
    given()
        .header("Authorization", "Basic dGVzdDp0ZXN0")
        .get("/api/v1/outbox")
        .then()
        .statusCode(401);
    given()
        .header("Authorization", "Bearer test-api-token")
        .get("/api/v1/outbox")
        .then()
        .statusCode(200)
        .body("dead", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
  }

  @Test
  void readinessIncludesTheDatabase() {
    management()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem(containsString("Database")));
    management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void metricsCountSlackRequestsAndShowTheOutbox() {
    SlackRequests.cos("U0MEMBER1", "help").then().statusCode(200);
    String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
    org.assertj.core.api.Assertions.assertThat(metrics)
        .contains("cosbot_slack_requests_seconds_count{status=\"200\",type=\"Command\"")
        .contains("cosbot_outbox_pending")
        .contains("cosbot_outbox_dead_letters")
        .doesNotContain("xoxb-");
  }

  @Test
  void operationalEndpointsAreNotOnThePublicPort() {
    org.assertj.core.api.Assertions.assertThat(managementUrl.getPort())
        .as("management port differs from the public port")
        .isNotEqualTo(io.restassured.RestAssured.port);
    for (String path :
        new String[] {
          "/q/metrics",
          "/q/health",
          "/q/health/ready",
          "/q/health/live",
          "/q/openapi",
          "/q/swagger-ui/"
        }) {
      given().get(path).then().statusCode(404);
      management().get(path).then().statusCode(200);
    }
  }

  @Test
  void theOpenApiDocumentDescribesTheAdminApi() {
    management()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body(containsString("/api/v1/outbox"));
  }

  @Test
  void everyOperationHasARealSummaryATagAndDocumentedErrors() throws Exception {
    String json =
        management().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    com.fasterxml.jackson.databind.JsonNode doc =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);

    // The scheme is the opaque bearer token: HTTP bearer, and no JWT format claimed.
    com.fasterxml.jackson.databind.JsonNode scheme = doc.at("/components/securitySchemes/apiToken");
    org.assertj.core.api.Assertions.assertThat(scheme.at("/type").asText())
        .as("security scheme in %s", doc.at("/components"))
        .isEqualTo("http");
    org.assertj.core.api.Assertions.assertThat(scheme.at("/scheme").asText()).isEqualTo("bearer");
    org.assertj.core.api.Assertions.assertThat(scheme.has("bearerFormat")).isFalse();
    org.assertj.core.api.Assertions.assertThat(json).doesNotContainIgnoringCase("jwt\"");
    org.assertj.core.api.Assertions.assertThat(doc.at("/components/securitySchemes").size())
        .isEqualTo(1);

    java.util.List<String> operations = new java.util.ArrayList<>();
    doc.at("/paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          String name = op.getKey().toUpperCase() + " " + path.getKey();
                          operations.add(name);
                          com.fasterxml.jackson.databind.JsonNode o = op.getValue();
                          org.assertj.core.api.Assertions.assertThat(o.at("/summary").asText())
                              .as("summary of %s", name)
                              .matches("[A-Z][^ ]* .+ .+");
                          org.assertj.core.api.Assertions.assertThat(o.at("/tags"))
                              .as("tags of %s", name)
                              .isNotEmpty()
                              .allSatisfy(
                                  t ->
                                      org.assertj.core.api.Assertions.assertThat(t.asText())
                                          .doesNotEndWith("Resource"));
                          boolean admin = path.getKey().startsWith("/api/v1");
                          org.assertj.core.api.Assertions.assertThat(
                                  o.at("/security/0").has("apiToken"))
                              .as("%s needs the bearer token", name)
                              .isEqualTo(admin);
                          if (admin) {
                            org.assertj.core.api.Assertions.assertThat(
                                    o.at("/responses").has("401"))
                                .as("401 documented on %s", name)
                                .isTrue();
                            org.assertj.core.api.Assertions.assertThat(
                                    o.at("/responses/401/content/application~1json/schema/$ref")
                                        .asText())
                                .endsWith("/Error");
                          }
                          org.assertj.core.api.Assertions.assertThat(
                                  o.at("/responses").fieldNames())
                              .as("a success answer documented on %s", name)
                              .toIterable()
                              .anyMatch(c -> c.startsWith("2"));
                        }));
    org.assertj.core.api.Assertions.assertThat(operations)
        .contains(
            "GET /api/v1/outbox",
            "POST /api/v1/outbox/retry-dead",
            "GET /api/v1/escalations/{id}",
            "POST /slack/events",
            "GET /calendar/{token}.ics");
    org.assertj.core.api.Assertions.assertThat(
            doc.at("/paths/~1api~1v1~1escalations~1{id}/get/responses").has("404"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(
            doc.at("/paths/~1slack~1events/post/responses").has("401"))
        .as("a bad Slack signature is documented")
        .isTrue();
  }
}
