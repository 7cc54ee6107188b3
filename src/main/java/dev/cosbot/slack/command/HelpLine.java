package dev.cosbot.slack.command;

import dev.cosbot.people.Role;

/** One line of {@code /cos help}: shown to callers who hold {@code role}. */
public record HelpLine(String usage, String description, Role role) {}
