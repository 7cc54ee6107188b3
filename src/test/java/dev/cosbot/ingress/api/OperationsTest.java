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
}
