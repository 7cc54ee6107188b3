package dev.cosbot.platform.spi;

/**
 * One feature's contribution to a team's line in the risk radar, e.g. ("Platform", "2 red, 1
 * amber", 60) from status, ("Platform", "3 open escalations", 40) from escalations, ("Platform",
 * "eNPS ↓12", 50) from pulse (only where anonymity thresholds allow). The digest joins a team's
 * signals into one line and ranks teams by the sum of their weights.
 *
 * @param team the team (or escalation area) name, plain text
 * @param summary a few words, plain text (the digest escapes it)
 * @param weight 0–100, how worrying
 */
public record TeamSignal(String team, String summary, int weight) {}
