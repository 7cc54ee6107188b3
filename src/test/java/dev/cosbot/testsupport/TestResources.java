package dev.cosbot.testsupport;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the shared test resources (PostgreSQL, Slack) for every Quarkus test in the module. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SlackApiTestResource.class)
public final class TestResources {
  private TestResources() {}
}
