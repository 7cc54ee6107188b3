package dev.cosbot.platform.spi;

/**
 * A primary action a feature offers at the top of someone's Home tab (e.g. "Take survey" while a
 * survey waits for them); the feature handles {@code actionId} itself.
 *
 * @param label button text (≤ 75 characters)
 * @param actionId the feature's Bolt action id
 * @param value the button value (sign ids with SignedMetadata)
 */
public record HomeAction(String label, String actionId, String value) {}
