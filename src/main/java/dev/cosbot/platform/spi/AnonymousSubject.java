package dev.cosbot.platform.spi;

/**
 * Something a person wrote anonymously that a Chief of Staff may reply to (a pulse comment).
 *
 * @param ref the offering feature's opaque reference (no person in it)
 * @param source where it comes from, plain text (e.g. the survey's title)
 * @param text what was written, plain text
 */
public record AnonymousSubject(String ref, String source, String text) {}
