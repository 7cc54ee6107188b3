package dev.cosbot.bench.baseline;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;

/**
 * The baseline of the ack benchmark: the smallest Bolt app answering {@code /cos help}, a {@code
 * user_change} event and an {@code escalation_ack} button with an immediate ack, on Bolt's own
 * Jetty server (bolt-jetty). It runs in its own JVM on the classpath in target/bolt-baseline
 * (bolt-jetty 1.45.4: the version served here), so {@code SlackAppServer} is loaded by reflection
 * and this class compiles against the project's Bolt. Environment: PORT, SLACK_SIGNING_SECRET,
 * SLACK_BOT_TOKEN, SLACK_API_URL.
 */
public final class BoltBaselineApp {
  private BoltBaselineApp() {}

  public static void main(String[] args) throws Exception {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(System.getenv("SLACK_API_URL"));
    AppConfig config =
        AppConfig.builder()
            .slack(Slack.getInstance(slackConfig))
            .singleTeamBotToken(System.getenv("SLACK_BOT_TOKEN"))
            .signingSecret(System.getenv("SLACK_SIGNING_SECRET"))
            .build();
    App app = new App(config);
    app.command(
        "/cos",
        (req, ctx) ->
            ctx.ack(
                "*cos-bot commands*\n• `/cos help` — what you can do with cos-bot\n• `/cos admin` — administration"));
    // Bolt's own cost of the other two request kinds, with no work at all behind the ack.
    app.event(com.slack.api.model.event.UserChangeEvent.class, (req, ctx) -> ctx.ack());
    app.blockAction("escalation_ack", (req, ctx) -> ctx.ack());
    int port = Integer.parseInt(System.getenv("PORT"));
    Object server =
        Class.forName("com.slack.api.bolt.jetty.SlackAppServer")
            .getConstructor(App.class, int.class)
            .newInstance(app, port);
    server.getClass().getMethod("start").invoke(server);
  }
}
