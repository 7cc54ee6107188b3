/** Recurring rituals (meetings, reviews) with reminders, tasks and a calendar feed. */
package dev.cosbot.cadence;
