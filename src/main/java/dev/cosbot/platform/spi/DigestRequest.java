package dev.cosbot.platform.spi;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a {@link DigestSource} is asked for.
 *
 * @param readerUserId who the digest is for (the CXO, or a Chief of Staff's own digest)
 * @param full true for a Chief of Staff's fuller digest (sources may add detail)
 * @param now the moment the digest is built (from the injected clock)
 * @param since the previous digest's time (or {@code now - 1 day}): "what changed" starts here
 * @param zone the reader's time zone, for dates shown in the text
 */
public record DigestRequest(
    String readerUserId, boolean full, Instant now, Instant since, ZoneId zone) {}
