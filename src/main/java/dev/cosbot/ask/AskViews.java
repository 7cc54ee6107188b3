package dev.cosbot.ask;

import com.slack.api.model.view.View;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds the modals that need the database (the board) and reads back their signed metadata. */
@ApplicationScoped
public class AskViews {
  @Inject AskService questions;
  @Inject SignedMetadata signer;

  /** The voting board for {@code userId}, with the ids shown signed into its metadata. */
  public View board(String userId) {
    List<AskService.Ranked> top = questions.top(AskService.BOARD_SIZE, userId);
    List<String> ids = new ArrayList<>();
    top.forEach(r -> ids.add(String.valueOf(r.question().id)));
    return AskBlocks.boardModal(top, signer.sign(String.join(",", ids)));
  }

  /** The question ids a board showed; empty for a tampered or garbled one. */
  public Set<Long> shown(String metadata) {
    Set<Long> out = new LinkedHashSet<>();
    signer
        .verify(metadata)
        .ifPresent(
            v -> {
              for (String part : v.split(",")) {
                if (!part.isBlank()) {
                  out.add(Long.parseLong(part.trim()));
                }
              }
            });
    return out;
  }
}
