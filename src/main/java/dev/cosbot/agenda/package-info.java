/**
 * Agendas for recurring meetings: items with an owner and minutes, posted with the lead-time
 * reminder in order, checked against the meeting's length; what was not covered rolls over.
 */
package dev.cosbot.agenda;
