/**
 * cos-bot's own secret and what features derive from it to store things about people unlinkably:
 * keyed hashes (ballots) and AES-GCM seals. Pulse answers, questions to leadership, their votes and
 * anonymous conversations all go through here.
 */
package dev.cosbot.platform.anonymity;
