package dev.cosbot.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A first start on an empty database of its own (created in the shared PostgreSQL), for acceptance
 * tests that must see only what they create: no rows from other tests, no people but those Slack
 * (WireMock) tells the bot about. One more Quarkus boot, shared by every test class using it.
 */
public class FreshStart implements QuarkusTestProfile {}
