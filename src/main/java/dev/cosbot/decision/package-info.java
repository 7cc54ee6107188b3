/**
 * Decisions that need an answer: asked, approved, declined, delegated, and reminded when overdue.
 */
package dev.cosbot.decision;
