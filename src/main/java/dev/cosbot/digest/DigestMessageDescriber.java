package dev.cosbot.digest;

import dev.cosbot.platform.outbox.MessageDescriber;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Names digest messages for the operator: "The daily digest of Sunday 6 December". */
@ApplicationScoped
public class DigestMessageDescriber implements MessageDescriber {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

  @Override
  public Optional<String> describe(String key) {
    if (key.startsWith("digest-preview:")) {
      return Optional.of("A digest preview");
    }
    if (key.startsWith("digest-ask-ack:")) {
      return Optional.of("The confirmation of a question asked from the digest");
    }
    if (key.startsWith("digest-ask:")) {
      return Optional.of("A question asked from the digest");
    }
    if (key.startsWith("digest:")) {
      String date = key.substring(key.lastIndexOf(':') + 1);
      try {
        return Optional.of("The daily digest of " + DAY.format(LocalDate.parse(date)));
      } catch (DateTimeParseException e) {
        return Optional.of("A daily digest");
      }
    }
    return Optional.empty();
  }
}
