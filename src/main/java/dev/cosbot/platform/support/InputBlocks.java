package dev.cosbot.platform.support;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.element.BlockElement;

/**
 * A modal's input block written once (block id, label, optional, hint, element), for every form.
 */
public final class InputBlocks {
  private InputBlocks() {}

  /**
   * An input block.
   *
   * @param hint shown under the field; null for none
   */
  public static InputBlock field(
      String blockId, String label, boolean optional, String hint, BlockElement element) {
    return InputBlock.builder()
        .blockId(blockId)
        .label(plainText(label))
        .optional(optional)
        .hint(hint == null ? null : plainText(hint))
        .element(element)
        .build();
  }
}
