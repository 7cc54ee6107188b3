/** Quartz timers created from code, clustered in the database, fired once. */
package dev.cosbot.platform.scheduler;
