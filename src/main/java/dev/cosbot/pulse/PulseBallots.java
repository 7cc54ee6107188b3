package dev.cosbot.pulse;

import dev.cosbot.platform.slack.SlackSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash that lets a respondent replace their own anonymous answer while a round is open,
 * without the database holding anything that links answer and person: the key is configuration
 * (never stored), and ballots are erased when the round closes.
 */
@ApplicationScoped
public class PulseBallots {
  @Inject PulseSettings settings;
  @Inject SlackSettings slack;

  public String ballot(long roundId, String userId) {
    String secret =
        settings
            .ballotSecret()
            .filter(s -> !s.isBlank())
            .or(slack::signingSecret)
            .or(slack::appToken)
            .or(slack::botToken)
            .orElse("cos-bot-offline");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              ("pulse-ballot:" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((roundId + "|" + userId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
