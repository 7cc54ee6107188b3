package dev.cosbot.agenda;

/** Callback, block and action ids of agendas, in one place. */
public final class AgendaIds {
  private AgendaIds() {}

  public static final String ADD_CALLBACK = "agenda_add";
  public static final String COVERED_CALLBACK = "agenda_covered";

  public static final String MEETING = "agenda_meeting";
  public static final String TITLE = "agenda_title";
  public static final String OWNER = "agenda_owner";
  public static final String MINUTES = "agenda_minutes";
  public static final String ITEMS = "agenda_items";

  /** The "Add agenda item" button on a reminder (value: the signed cadence id). */
  public static final String ADD_BUTTON = "agenda_add_item";
}
