/** Pulse surveys: anonymous questions to a team, results above an anonymity threshold, charts. */
package dev.cosbot.pulse;
