/**
 * The transactional outbox: every outbound Slack call is a row committed with the change that
 * caused it.
 */
package dev.cosbot.platform.outbox;
