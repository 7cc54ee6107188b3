package dev.cosbot.escalation;

import com.slack.api.model.view.ViewState;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and validates the raise modal: either a draft or per-field error messages. Pure. */
public final class EscalationForm {
  private EscalationForm() {}

  public record Result(EscalationService.Draft draft, Map<String, String> errors) {}

  public static Result parse(Map<String, Map<String, ViewState.Value>> values) {
    Map<String, String> errors = new LinkedHashMap<>();
    String title = text(values, EscalationIds.B_TITLE);
    String details = text(values, EscalationIds.B_DETAILS);
    // Picked from the menu of defined areas (a typed value is still accepted from older forms).
    ViewState.Value areaValue = value(values, EscalationIds.B_AREA);
    String area =
        areaValue != null && areaValue.getSelectedOption() != null
            ? areaValue.getSelectedOption().getValue().strip()
            : text(values, EscalationIds.B_AREA);
    String link = text(values, EscalationIds.B_LINK);
    ViewState.Value sev = value(values, EscalationIds.B_SEVERITY);
    Severity severity =
        sev == null || sev.getSelectedOption() == null
            ? null
            : Severity.parse(sev.getSelectedOption().getValue()).orElse(null);
    ViewState.Value conf = value(values, EscalationIds.B_CONFIDENTIAL);
    boolean confidential =
        conf != null
            && conf.getSelectedOptions() != null
            && conf.getSelectedOptions().stream().anyMatch(o -> "yes".equals(o.getValue()));
    if (title.isEmpty()) {
      errors.put(EscalationIds.B_TITLE, "Please give the escalation a title.");
    } else if (title.length() > 150) {
      errors.put(EscalationIds.B_TITLE, "Please keep the title under 150 characters.");
    }
    if (details.length() > 3000) {
      errors.put(EscalationIds.B_DETAILS, "Please keep the details under 3,000 characters.");
    }
    if (severity == null) {
      errors.put(EscalationIds.B_SEVERITY, "Please choose S1, S2 or S3.");
    }
    if (area.isEmpty()) {
      errors.put(EscalationIds.B_AREA, "Please pick the area (or Other).");
    } else if (area.length() > 80) {
      errors.put(EscalationIds.B_AREA, "Please keep the area under 80 characters.");
    }
    if (!link.isEmpty() && (link.length() > 1000 || !link.matches("https?://[^\\s<>|]+"))) {
      errors.put(EscalationIds.B_LINK, "The link must be a web address starting with https://.");
    }
    if (!errors.isEmpty()) {
      return new Result(null, errors);
    }
    return new Result(
        new EscalationService.Draft(
            title,
            details.isEmpty() ? null : details,
            severity,
            area,
            link.isEmpty() ? null : link,
            confidential),
        Map.of());
  }

  /** The trimmed text of a plain_text_input block ("" when empty). */
  public static String text(Map<String, Map<String, ViewState.Value>> values, String blockId) {
    ViewState.Value v = value(values, blockId);
    return v == null || v.getValue() == null ? "" : v.getValue().strip();
  }

  static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String blockId) {
    Map<String, ViewState.Value> block = values == null ? null : values.get(blockId);
    return block == null ? null : block.get(EscalationIds.INPUT);
  }
}
