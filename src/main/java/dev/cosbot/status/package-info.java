/** Initiatives and their weekly status: check-ins, RAG, roll-ups and reports. */
package dev.cosbot.status;
