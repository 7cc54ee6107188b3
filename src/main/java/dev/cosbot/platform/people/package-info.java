/**
 * People known from Slack, their roles and the caller of a request; synced from the Slack
 * directory.
 */
package dev.cosbot.platform.people;
