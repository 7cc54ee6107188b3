/** Embedded PostgreSQL for single-machine runs when no datasource URL is configured. */
package dev.cosbot.platform.db;
