package dev.cosbot.pulse;

import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.bolt.context.builtin.BlockSuggestionContext;
import com.slack.api.bolt.handler.builtin.BlockSuggestionHandler;
import com.slack.api.bolt.request.builtin.BlockSuggestionRequest;
import com.slack.api.bolt.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Fills the survey form's user-group pickers with the groups matching what was typed. */
@ApplicationScoped
public class PulseUserGroupOptionsHandler implements BlockSuggestionHandler {
  @Inject PulseUserGroups groups;

  @Override
  public Response apply(BlockSuggestionRequest req, BlockSuggestionContext ctx) {
    var options =
        groups.matching(req.getPayload().getValue()).stream()
            .map(g -> new Option(PulseBlocks.plain(PulseBlocks.optionText(g.label())), g.id()))
            .toList();
    return ctx.ack(r -> r.options(options));
  }
}
