package dev.cosbot.dashboard;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** Every word the dashboard says in Slack, in one place. */
public final class DashboardMessages {
  private DashboardMessages() {}

  /** Action id of the Home tab's "Open the dashboard" button. */
  public static final String ACTION_OPEN = "dashboard_open";

  /** The personal link, for {@code /cos dashboard} and the Home button. */
  public static String link(String url, long minutes) {
    return "Here is your personal sign-in link to the cos-bot dashboard: <"
        + url
        + "|open the dashboard>. It works once, within "
        + minutes
        + " minutes, and only for you — please don't forward it. Need another? Type `/cos dashboard`.";
  }

  /** The Home tab's part: one button. */
  public static List<LayoutBlock> home() {
    return List.of(
        section(
            s ->
                s.text(
                    markdownText(
                        "*Dashboard* — the portfolio, escalations, decisions and the rhythm of"
                            + " the business in your browser."))),
        actions(
            a ->
                a.elements(
                    List.of(
                        button(
                            b ->
                                b.actionId(ACTION_OPEN)
                                    .text(plainText("Open the dashboard"))
                                    .value("open"))))));
  }
}
