package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;

/**
 * The board: the up-votes ticked among the questions it showed (signed in its metadata, so a
 * tampered board changes nothing).
 */
@ApplicationScoped
public class AskVoteSubmitHandler extends AskForm {
  @Inject AskService questions;
  @Inject AskViews views;

  @Override
  Response submit(String user, ModalState form, String metadata, ViewSubmissionContext ctx) {
    Set<Long> shown = views.shown(metadata);
    Set<Long> chosen = new HashSet<>();
    for (long id : shown) {
      if (!form.options(AskIds.Blocks.VOTE_PREFIX + id).isEmpty()) {
        chosen.add(id);
      }
    }
    return update(ctx, AskBlocks.votedView(questions.vote(user, shown, chosen)));
  }
}
