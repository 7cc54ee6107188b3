/**
 * The CXO digest: gathers every feature's DigestSource lines, ranks them and delivers them on
 * schedule.
 */
package dev.cosbot.digest;
