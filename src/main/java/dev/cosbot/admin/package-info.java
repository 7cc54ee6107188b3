/** The /cos admin feature: roles, settings and the outbox view for administrators. */
package dev.cosbot.admin;
