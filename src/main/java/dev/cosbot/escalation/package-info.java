/**
 * Escalations: raised by anyone, routed to an owner, climbing the chain when their SLA runs out.
 */
package dev.cosbot.escalation;
