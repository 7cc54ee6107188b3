/** The /cos slash command: routing to subcommands, roles, help and "did you mean". */
package dev.cosbot.ingress.command;
