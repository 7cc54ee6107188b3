/**
 * How Slack reaches the bot: HTTP adapter, Bolt app, Socket Mode, event de-duplication, listener
 * registration.
 */
package dev.cosbot.ingress;
