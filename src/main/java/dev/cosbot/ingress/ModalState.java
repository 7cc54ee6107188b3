package dev.cosbot.ingress;

import com.slack.api.model.view.ViewState;
import java.util.List;
import java.util.Map;

/**
 * What a person entered in a modal, by block id. Every input block of cos-bot holds one element, so
 * the element's action id does not matter here. Blank text reads as null; text is stripped.
 */
public final class ModalState {
  private final Map<String, Map<String, ViewState.Value>> values;

  private ModalState(Map<String, Map<String, ViewState.Value>> values) {
    this.values = values == null ? Map.of() : values;
  }

  /** Wraps the {@code view.state.values} of a submission (null reads as empty). */
  public static ModalState of(Map<String, Map<String, ViewState.Value>> values) {
    return new ModalState(values);
  }

  /** Wraps the state of a submitted view. */
  public static ModalState of(com.slack.api.model.view.View view) {
    return new ModalState(
        view == null || view.getState() == null ? null : view.getState().getValues());
  }

  /** The element of {@code blockId}, or null when the block is absent. */
  public ViewState.Value value(String blockId) {
    Map<String, ViewState.Value> block = values.get(blockId);
    if (block == null || block.isEmpty()) {
      return null;
    }
    return block.values().iterator().next();
  }

  /** Typed text, stripped; null when absent or blank. */
  public String text(String blockId) {
    ViewState.Value v = value(blockId);
    return v == null ? null : blankToNull(v.getValue());
  }

  /** The value of the chosen option (static select, radio buttons); null when none. */
  public String option(String blockId) {
    ViewState.Value v = value(blockId);
    return v == null || v.getSelectedOption() == null
        ? null
        : blankToNull(v.getSelectedOption().getValue());
  }

  /** The values of the chosen options (checkboxes, multi select); empty when none. */
  public List<String> options(String blockId) {
    ViewState.Value v = value(blockId);
    return v == null || v.getSelectedOptions() == null
        ? List.of()
        : v.getSelectedOptions().stream().map(o -> o.getValue()).toList();
  }

  /** The chosen person (users_select); null when none. */
  public String user(String blockId) {
    ViewState.Value v = value(blockId);
    return v == null ? null : blankToNull(v.getSelectedUser());
  }

  /** The chosen people (multi_users_select); empty when none. */
  public List<String> users(String blockId) {
    ViewState.Value v = value(blockId);
    return v == null || v.getSelectedUsers() == null ? List.of() : v.getSelectedUsers();
  }

  /** The chosen channel or conversation; null when none. */
  public String conversation(String blockId) {
    ViewState.Value v = value(blockId);
    if (v == null) {
      return null;
    }
    String c =
        v.getSelectedConversation() != null ? v.getSelectedConversation() : v.getSelectedChannel();
    return blankToNull(c);
  }

  /** The chosen date (yyyy-MM-dd); null when none. */
  public String date(String blockId) {
    ViewState.Value v = value(blockId);
    return v == null ? null : blankToNull(v.getSelectedDate());
  }

  /** The chosen time of day (HH:mm); null when none. */
  public String time(String blockId) {
    ViewState.Value v = value(blockId);
    return v == null ? null : blankToNull(v.getSelectedTime());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
