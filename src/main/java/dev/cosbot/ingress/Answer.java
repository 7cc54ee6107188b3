package dev.cosbot.ingress;

import com.slack.api.model.view.View;

/**
 * What the work after an ack gives back to the person who clicked: a private message, a modal to
 * open with the click's trigger, or nothing.
 *
 * @param text the private message, or null
 * @param modal the modal to open after the work has committed, or null
 */
public record Answer(String text, View modal) {
  /** Nothing more to say: the outcome shows elsewhere (a card, a thread). */
  public static final Answer NONE = new Answer(null, null);

  /** A private message to the clicker (null: none). */
  public static Answer say(String text) {
    return new Answer(text, null);
  }

  /** A modal, opened once the work has committed. */
  public static Answer open(View modal) {
    return new Answer(null, modal);
  }
}
