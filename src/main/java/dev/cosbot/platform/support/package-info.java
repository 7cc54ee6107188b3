/** Small shared helpers: mrkdwn escaping, signed metadata, JSON, the clock, user-facing errors. */
package dev.cosbot.platform.support;
