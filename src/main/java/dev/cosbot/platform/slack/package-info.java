/**
 * The Slack Web API from the platform side: settings, SDK instance, reads and the outbox's sender.
 */
package dev.cosbot.platform.slack;
