package dev.cosbot.ingress.command;

import dev.cosbot.platform.people.Role;

/** One line of {@code /cos help}: shown to callers who hold {@code role}. */
public record HelpLine(String usage, String description, Role role) {}
