package dev.cosbot.platform.spi;

import java.time.Instant;
import java.time.ZoneId;

/**
 * One occurrence of a recurring meeting (a cadence), as features other than cadence see it.
 *
 * @param cadenceId the cadence's id (stable; features key their own data by it)
 * @param name the cadence's name, plain text
 * @param at when this occurrence starts
 * @param minutes how long the meeting is
 * @param zone the cadence's time zone (for dates in text)
 * @param ownerId the cadence owner's Slack id
 */
public record Meeting(
    long cadenceId, String name, Instant at, int minutes, ZoneId zone, String ownerId) {}
