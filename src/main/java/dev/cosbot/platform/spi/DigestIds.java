package dev.cosbot.platform.spi;

/** Block and action ids of the digest message and its commands, in one place. */
public final class DigestIds {
  private DigestIds() {}

  /**
   * Block ids of digest lines start with this, then the reader's user id: {@code
   * digest:<reader>:<n>}.
   */
  public static final String BLOCK_PREFIX = "digest:";

  /**
   * The reader id used in block ids of a preview: its buttons only explain that it is a preview.
   */
  public static final String PREVIEW_READER = "preview";

  /** Builds the block id of the n-th line of a digest for {@code reader}. */
  public static String blockId(String reader, int n) {
    return BLOCK_PREFIX + reader + ":" + n;
  }

  /** The reader named in a digest block id, or null when the block id is not a digest line. */
  public static String readerOf(String blockId) {
    if (blockId == null || !blockId.startsWith(BLOCK_PREFIX)) {
      return null;
    }
    String rest = blockId.substring(BLOCK_PREFIX.length());
    int colon = rest.indexOf(':');
    return colon < 0 ? rest : rest.substring(0, colon);
  }
}
