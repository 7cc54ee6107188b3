package dev.cosbot.pulse;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.conversationsSelect;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.externalSelect;
import static com.slack.api.model.block.element.BlockElements.multiExternalSelect;
import static com.slack.api.model.block.element.BlockElements.multiUsersSelect;
import static com.slack.api.model.block.element.BlockElements.numberInput;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.cosbot.platform.support.InputBlocks;
import dev.cosbot.platform.support.SlackDates;
import dev.cosbot.platform.support.SlackText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Block Kit of the pulse feature: pure functions from surveys, rounds and results to blocks. */
public final class PulseBlocks {
  private PulseBlocks() {}

  static final String[] LIKERT_LABELS = {
    "", "1 Strongly disagree", "2 Disagree", "3 Neutral", "4 Agree", "5 Strongly agree"
  };

  /** The schedule choices of the new-survey modal. */
  static final Map<String, String> SCHEDULES =
      Map.of(
          "now",
          "Once, now",
          "once",
          "Once, at the date and time below",
          "weekly",
          "Every week",
          "biweekly",
          "Every 2 weeks",
          "monthly",
          "Every 4 weeks");

  static final String[] OPEN_FOR = {"1", "2", "3", "5", "7", "14"};

  // ---------------------------------------------------------------- creating a survey

  /**
   * The new-survey form with its question builder: the questions added so far (each with a Remove
   * button), inputs for the next one and an Add button; a template menu that fills the list; user
   * group, channel and people pickers; teams for a breakdown; anonymity, schedule and threshold.
   * {@code signedState} is the builder's state as signed private_metadata; {@code signedIndex}
   * signs a question's index for its Remove button; {@code problem} is shown above the inputs.
   */
  public static View newSurveyModal(
      int defaultK,
      String today,
      PulseForm.Builder builder,
      String signedState,
      java.util.function.IntFunction<String> signedIndex,
      String problem) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        InputBlocks.field(
            PulseIds.TITLE,
            "Title",
            false,
            null,
            plainTextInput(
                p ->
                    p.actionId(PulseIds.VALUE)
                        .maxLength(150)
                        .placeholder(plainText("e.g. Engineering pulse, March")))));
    List<OptionObject> templates = new ArrayList<>();
    PulseQuestions.TEMPLATE_LABELS.forEach((k, v) -> templates.add(option(v, k)));
    blocks.add(
        input(
            i ->
                i.blockId(PulseIds.TEMPLATE)
                    .optional(true)
                    .dispatchAction(true)
                    .label(plainText("Start from a template"))
                    .hint(plainText("Fills the questions below; you can change them after."))
                    .element(
                        staticSelect(
                            s ->
                                s.actionId(PulseIds.PICK_TEMPLATE)
                                    .placeholder(plainText("Pick a template"))
                                    .options(templates)))));
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "*Questions*"
                            + (builder.questions().isEmpty()
                                ? "\n_None yet: pick a template above or add your own below._"
                                : "")))));
    for (int q = 0; q < builder.questions().size(); q++) {
      Question question = builder.questions().get(q);
      int index = q;
      blocks.add(
          section(
              s ->
                  s.blockId("pulse_q_" + index)
                      .text(markdownText(builderLine(index, question)))
                      .accessory(
                          button(
                              b ->
                                  b.actionId(PulseIds.REMOVE_QUESTION)
                                      .text(plainText("Remove"))
                                      .value(signedIndex.apply(index))))));
    }
    if (problem != null) {
      blocks.add(
          context(
              c -> c.elements(List.of(markdownText(":warning: " + SlackText.escape(problem))))));
    }
    String suffix = builder.suffix();
    List<OptionObject> types = new ArrayList<>();
    PulseForm.TYPE_LABELS.forEach((t, label) -> types.add(option(label, t.word)));
    blocks.add(
        InputBlocks.field(
            PulseIds.NEW_QUESTION_TEXT + suffix,
            builder.questions().isEmpty() ? "Your own question" : "Another question",
            true,
            null,
            plainTextInput(
                p ->
                    p.actionId(PulseIds.VALUE)
                        .maxLength(150)
                        .placeholder(plainText("e.g. I have what I need to do my job well")))));
    blocks.add(
        InputBlocks.field(
            PulseIds.NEW_QUESTION_TYPE + suffix,
            "Answered with",
            true,
            null,
            staticSelect(
                s -> s.actionId(PulseIds.VALUE).options(types).initialOption(types.get(0)))));
    blocks.add(
        InputBlocks.field(
            PulseIds.NEW_QUESTION_OPTIONS + suffix,
            "Choices (for one or several choices)",
            true,
            "One per line, 2 to " + PulseQuestions.MAX_OPTIONS + ".",
            plainTextInput(p -> p.actionId(PulseIds.VALUE).multiline(true).maxLength(800))));
    blocks.add(
        InputBlocks.field(
            PulseIds.NEW_QUESTION_OPTIONAL + suffix,
            "Optional?",
            true,
            null,
            checkboxes(
                c ->
                    c.actionId(PulseIds.VALUE)
                        .options(List.of(option("People may skip it", "optional"))))));
    blocks.add(
        actions(
            a ->
                a.blockId("pulse_builder")
                    .elements(
                        List.of(
                            button(
                                b ->
                                    b.actionId(PulseIds.ADD_QUESTION)
                                        .text(plainText("Add question"))
                                        .value("add"))))));
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "*Who is asked* — pick one: a user group, a channel's members, or people."
                            + " Bots and deactivated accounts are left out."))));
    blocks.add(
        InputBlocks.field(
            PulseIds.USERGROUP,
            "User group",
            true,
            null,
            externalSelect(
                e ->
                    e.actionId(PulseIds.GROUP_PICKER)
                        .minQueryLength(0)
                        .placeholder(plainText("Pick a user group")))));
    blocks.add(
        InputBlocks.field(
            PulseIds.CHANNEL,
            "Members of a channel",
            true,
            null,
            conversationsSelect(c -> c.actionId(PulseIds.VALUE))));
    blocks.add(
        InputBlocks.field(
            PulseIds.PEOPLE,
            "People",
            true,
            null,
            multiUsersSelect(m -> m.actionId(PulseIds.VALUE))));
    blocks.add(
        InputBlocks.field(
            PulseIds.SLICES,
            "Break results down by team",
            true,
            "Optional. Each team is shown only when enough of its people answered"
                + " to keep them anonymous; someone in several teams counts in the"
                + " first one.",
            multiExternalSelect(
                m ->
                    m.actionId(PulseIds.GROUP_PICKER)
                        .minQueryLength(0)
                        .maxSelectedItems(Slice.MAX)
                        .placeholder(plainText("Pick user groups")))));
    blocks.add(
        InputBlocks.field(
            PulseIds.ANONYMITY,
            "Answers are",
            false,
            null,
            radioButtons(
                r ->
                    r.actionId(PulseIds.VALUE)
                        .options(
                            List.of(
                                option("Anonymous", "anonymous"),
                                option("Named (people see their name is stored)", "named")))
                        .initialOption(option("Anonymous", "anonymous")))));
    List<OptionObject> schedules = new ArrayList<>();
    for (String key : List.of("now", "once", "weekly", "biweekly", "monthly")) {
      schedules.add(option(SCHEDULES.get(key), key));
    }
    blocks.add(
        InputBlocks.field(
            PulseIds.SCHEDULE,
            "Schedule",
            false,
            null,
            staticSelect(
                s ->
                    s.actionId(PulseIds.VALUE)
                        .options(schedules)
                        .initialOption(schedules.get(0)))));
    blocks.add(
        InputBlocks.field(
            PulseIds.START_DATE,
            "First date",
            true,
            null,
            datePicker(d -> d.actionId(PulseIds.VALUE).initialDate(today))));
    blocks.add(
        InputBlocks.field(
            PulseIds.START_TIME,
            "Time, in each person's time zone",
            true,
            null,
            timePicker(t -> t.actionId(PulseIds.VALUE).initialTime("10:00"))));
    List<OptionObject> durations = new ArrayList<>();
    for (String d : OPEN_FOR) {
      durations.add(option(d + (d.equals("1") ? " day" : " days"), d));
    }
    blocks.add(
        InputBlocks.field(
            PulseIds.OPEN_FOR,
            "Open for",
            false,
            null,
            staticSelect(
                s ->
                    s.actionId(PulseIds.VALUE)
                        .options(durations)
                        .initialOption(durations.get(2)))));
    blocks.add(
        InputBlocks.field(
            PulseIds.MIN_ANSWERS,
            "Minimum answers to show results",
            false,
            "Never below "
                + PulseSettings.FLOOR
                + ". Results, breakdowns and comments stay hidden below it.",
            numberInput(
                n ->
                    n.actionId(PulseIds.VALUE)
                        .decimalAllowed(false)
                        .minValue(String.valueOf(PulseSettings.FLOOR))
                        .maxValue("1000")
                        .initialValue(String.valueOf(defaultK)))));
    return view(
        v ->
            v.type("modal")
                .callbackId(PulseIds.NEW_SURVEY_VIEW)
                .title(viewTitle(t -> t.type("plain_text").text("New pulse survey")))
                .privateMetadata(signedState)
                .submit(viewSubmit(s -> s.type("plain_text").text("Create")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
  }

  /** A question as the builder lists it: number, text and kind of answer. */
  static String builderLine(int index, Question q) {
    String kind = PulseForm.TYPE_LABELS.get(q.type()).toLowerCase(java.util.Locale.ROOT);
    StringBuilder out =
        new StringBuilder()
            .append(index + 1)
            .append(". ")
            .append(SlackText.escapeAndCut(q.text(), 150))
            .append("\n_")
            .append(kind);
    if (!q.options().isEmpty()) {
      out.append(": ").append(SlackText.escapeAndCut(String.join(" · ", q.options()), 400));
    }
    if (q.optional()) {
      out.append(" · optional");
    }
    return out.append('_').toString();
  }

  // ---------------------------------------------------------------- answering

  /** What the respondent is told about anonymity, in plain words. */
  public static String anonymityNotice(boolean anonymous, int k) {
    if (!anonymous) {
      return ":bust_in_silhouette: *Not anonymous.* Your name is stored with your answers.";
    }
    return ":lock: *Anonymous.* Your answers are stored without your name and without the time you"
        + " answered: sealed (encrypted) until the round closes, then opened and shuffled with"
        + " everyone else's. Results are shown only as totals, once at least "
        + k
        + " people answered and when the round closes; comments only once more than "
        + k
        + " did, word for word and in random order — so leave out anything that identifies you."
        + " *Not anonymous:* that you were asked.";
  }

  /** The context line linking to the privacy notes (or naming them when no URL is known). */
  public static String privacyLine(String url) {
    return url == null
        ? ":shield: Who can see what is written down in cos-bot's privacy notes (docs/privacy.md)."
        : ":shield: Who can see what: <" + url + "|how cos-bot keeps your answers private>.";
  }

  public static String dmText(PulseSurvey survey) {
    return "Pulse survey: " + SlackText.escapeAndCut(survey.title, 150) + " — it takes a minute.";
  }

  /**
   * The DM inviting a recipient: a "Take the survey" button, or inline answers for a one-question
   * pulse.
   */
  public static List<LayoutBlock> invitation(
      PulseSurvey survey,
      PulseRound round,
      List<Question> questions,
      java.util.function.UnaryOperator<String> sign) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        ":clipboard: *"
                            + SlackText.escapeAndCut(survey.title, 150)
                            + "*\n"
                            + SlackText.mention(survey.createdBy)
                            + " would like your view — "
                            + questions.size()
                            + (questions.size() == 1 ? " question" : " questions")
                            + ". Open until "
                            + date(round.closesAt)
                            + "."))));
    String value = sign.apply(String.valueOf(round.id));
    if (questions.size() == 1
        && questions.get(0).type() != QuestionType.TEXT
        && questions.get(0).type() != QuestionType.MULTI) {
      Question q = questions.get(0);
      blocks.add(
          section(s -> s.text(markdownText("*" + SlackText.escapeAndCut(q.text(), 300) + "*"))));
      List<BlockElement> buttons = new ArrayList<>();
      for (int v = q.min(); v <= q.max(); v++) {
        String label =
            q.type() == QuestionType.SINGLE
                ? SlackText.cut(q.options().get(v), 70)
                : String.valueOf(v);
        int vv = v;
        buttons.add(
            button(
                b ->
                    b.actionId(PulseIds.QUICK_ANSWER + vv)
                        .text(plainText(label))
                        .value(sign.apply(round.id + ":" + vv))));
      }
      blocks.add(actions(a -> a.blockId("pulse_quick").elements(buttons)));
    } else {
      blocks.add(takeSurvey(value));
    }
    blocks.add(
        context(
            c ->
                c.elements(
                    List.of(
                        markdownText(
                            survey.anonymous
                                ? ":lock: Anonymous: your name is never stored with your answers."
                                : ":bust_in_silhouette: Named: your name is stored with your answers.")))));
    return blocks;
  }

  /** The DM's "Take the survey" button, opening the answer form of the signed round. */
  private static LayoutBlock takeSurvey(String signedRound) {
    return actions(
        a ->
            a.blockId("pulse_take")
                .elements(
                    List.of(
                        button(
                            b ->
                                b.actionId(PulseIds.TAKE_SURVEY)
                                    .style("primary")
                                    .text(plainText("Take the survey"))
                                    .value(signedRound)))));
  }

  /** "Mean *3.4* (+0.2 vs previous round)": a figure in bold, then its change when known. */
  private static void figure(
      StringBuilder out,
      String label,
      String format,
      Object value,
      Object delta,
      String deltaFormat) {
    out.append(label)
        .append(" *")
        .append(String.format(java.util.Locale.ROOT, format, value))
        .append('*');
    if (delta != null) {
      out.append(" (")
          .append(String.format(java.util.Locale.ROOT, deltaFormat, delta))
          .append(" vs previous round)");
    }
  }

  /** The Home tab's primary action while a survey waits for the person. */
  static final String TAKE_SURVEY_ON_HOME = "Take survey";

  /** "Surveys waiting for you" on Home: each with its closing date, soonest first. */
  static String waitingOnHome(List<PulseHomeSection.Waiting> waiting) {
    StringBuilder text = new StringBuilder("*Surveys waiting for you*");
    for (PulseHomeSection.Waiting w : waiting.subList(0, Math.min(10, waiting.size()))) {
      text.append("\n• *")
          .append(SlackText.escapeAndCut(w.survey().title, 150))
          .append("* — open until ")
          .append(date(w.round().closesAt));
    }
    if (waiting.size() > 10) {
      text.append("\n_…and ").append(waiting.size() - 10).append(" more in your messages._");
    }
    text.append(
        waiting.size() == 1
            ? "\n_Press *Take survey* above to answer; it only takes a minute._"
            : "\n_*Take survey* above opens the one that closes first; the others are in your"
                + " messages from cos-bot._");
    return SlackText.cut(text.toString(), 2900);
  }

  public static String reminderText(PulseSurvey survey) {
    return "Reminder: " + dmText(survey);
  }

  public static List<LayoutBlock> reminder(
      PulseSurvey survey, PulseRound round, String signedRound) {
    return List.of(
        section(
            s ->
                s.text(
                    markdownText(
                        ":hourglass: Reminder: *"
                            + SlackText.escapeAndCut(survey.title, 150)
                            + "* closes "
                            + date(round.closesAt)
                            + ". It only takes a minute."))),
        takeSurvey(signedRound));
  }

  /**
   * The answer modal; {@code preset} pre-selects the value of the first question (inline buttons).
   */
  public static View answerModal(
      PulseSurvey survey,
      PulseRound round,
      List<Question> questions,
      Integer preset,
      int k,
      String privacyUrl,
      String signedRound) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(SlackText.cut(survey.title, 150)))));
    blocks.add(
        context(
            c ->
                c.elements(
                    List.of(
                        markdownText(anonymityNotice(survey.anonymous, k)),
                        markdownText(privacyLine(privacyUrl))))));
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      Integer initial = i == 0 ? preset : null;
      String label = SlackText.cut((i + 1) + ". " + q.text(), 2000);
      BlockElement element = element(q, initial);
      boolean optional = q.optional();
      String blockId = PulseIds.question(i);
      blocks.add(
          input(
              in ->
                  in.blockId(blockId).label(plainText(label)).optional(optional).element(element)));
    }
    blocks.add(
        context(
            c ->
                c.elements(
                    List.of(
                        markdownText(
                            "Submitting again before "
                                + date(round.closesAt)
                                + " replaces your earlier answer.")))));
    return view(
        v ->
            v.type("modal")
                .callbackId(PulseIds.ANSWER_VIEW)
                .privateMetadata(signedRound)
                .title(viewTitle(t -> t.type("plain_text").text("Pulse survey")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Submit")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
  }

  static BlockElement element(Question q, Integer initial) {
    return switch (q.type()) {
      case LIKERT -> {
        List<OptionObject> options = new ArrayList<>();
        for (int v = 1; v <= 5; v++) {
          options.add(option(LIKERT_LABELS[v], String.valueOf(v)));
        }
        OptionObject init =
            initial == null || initial < 1 || initial > 5 ? null : options.get(initial - 1);
        yield radioButtons(r -> r.actionId(PulseIds.VALUE).options(options).initialOption(init));
      }
      case ENPS -> {
        List<OptionObject> options = new ArrayList<>();
        for (int v = 0; v <= 10; v++) {
          options.add(
              option(
                  v == 0
                      ? "0 Not at all likely"
                      : v == 10 ? "10 Extremely likely" : String.valueOf(v),
                  String.valueOf(v)));
        }
        OptionObject init =
            initial == null || initial < 0 || initial > 10 ? null : options.get(initial);
        yield staticSelect(
            s ->
                s.actionId(PulseIds.VALUE)
                    .placeholder(plainText("0–10"))
                    .options(options)
                    .initialOption(init));
      }
      case SINGLE -> {
        List<OptionObject> options = choiceOptions(q);
        OptionObject init =
            initial == null || initial < 0 || initial >= options.size()
                ? null
                : options.get(initial);
        yield radioButtons(r -> r.actionId(PulseIds.VALUE).options(options).initialOption(init));
      }
      case MULTI -> checkboxes(c -> c.actionId(PulseIds.VALUE).options(choiceOptions(q)));
      case TEXT -> plainTextInput(p -> p.actionId(PulseIds.VALUE).multiline(true).maxLength(2000));
    };
  }

  private static List<OptionObject> choiceOptions(Question q) {
    List<OptionObject> options = new ArrayList<>();
    for (int o = 0; o < q.options().size(); o++) {
      options.add(option(SlackText.cut(q.options().get(o), 75), String.valueOf(o)));
    }
    return options;
  }

  public static View thanks(PulseSurvey survey, PulseRound round) {
    return notice(
        "Thank you — your answer is recorded. You can change it until "
            + date(round.closesAt)
            + " with the button in my message.");
  }

  public static View notice(String text) {
    return view(
        v ->
            v.type("modal")
                .title(viewTitle(t -> t.type("plain_text").text("Pulse survey")))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(List.of(section(s -> s.text(markdownText(text))))));
  }

  // ---------------------------------------------------------------- results

  public static String resultsText(PulseService.Results results) {
    return resultsText(results.survey(), results.result());
  }

  /** The results of a round, its changes and its breakdown by team. */
  public static List<LayoutBlock> results(PulseService.Results results) {
    List<LayoutBlock> blocks =
        new ArrayList<>(results(results.survey(), results.result(), results.changes()));
    if (results.result().visible() && !results.breakdown().isEmpty() && blocks.size() < 46) {
      blocks.add(
          section(
              s ->
                  s.text(
                      markdownText(
                          breakdownText(
                              results.survey(),
                              results.breakdown(),
                              results.previousBreakdown())))));
    }
    return blocks;
  }

  /**
   * The breakdown by team: one line per team that may be shown, with its mean (or eNPS) per scored
   * question and the change where both rounds showed that team; then how many teams are held back.
   */
  static String breakdownText(
      PulseSurvey survey, PulseStats.Breakdown breakdown, PulseStats.Breakdown previous) {
    List<Question> questions = survey.questionList();
    StringBuilder out = new StringBuilder("*By team*");
    for (PulseStats.SliceResult slice : breakdown.shown()) {
      out.append("\n• *")
          .append(SlackText.escapeAndCut(slice.name(), 80))
          .append("* (")
          .append(slice.responses())
          .append(" answered)");
      List<String> figures = new ArrayList<>();
      for (PulseStats.Cell c : slice.cells()) {
        Question q = questions.get(c.index());
        String figure =
            "question "
                + (c.index() + 1)
                + ": "
                + (q.type() == QuestionType.ENPS && c.enps() != null
                    ? "eNPS " + String.format(java.util.Locale.ROOT, "%+d", c.enps())
                    : String.format(java.util.Locale.ROOT, "%.1f", c.mean()) + " of 5");
        Double change = PulseStats.sliceMeanChange(previous, slice.groupId(), c);
        if (change != null && q.type() != QuestionType.ENPS) {
          figure += String.format(java.util.Locale.ROOT, " (%+.1f)", change);
        }
        figures.add(figure);
      }
      if (!figures.isEmpty()) {
        out.append(": ").append(String.join(" · ", figures));
      }
    }
    if (breakdown.shown().isEmpty()) {
      out.append(
          "\nNo team can be shown this round: too few answers per team to keep them anonymous.");
    } else if (breakdown.hidden() > 0) {
      out.append("\n_")
          .append(breakdown.hidden())
          .append(breakdown.hidden() == 1 ? " team is" : " teams are")
          .append(
              " not shown, so that nobody can work out a small group's answers (too few answers,"
                  + " or the others' totals would give them away)._");
    }
    return SlackText.cut(out.toString(), 2900);
  }

  public static String resultsText(PulseSurvey survey, PulseStats.RoundResult r) {
    return "Pulse results: "
        + SlackText.escapeAndCut(survey.title, 150)
        + " (round "
        + r.seq()
        + ")";
  }

  /** The results of a round, with changes against the previous round where both met k. */
  public static List<LayoutBlock> results(
      PulseSurvey survey, PulseStats.RoundResult r, List<PulseStats.Change> changes) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(SlackText.cut("Pulse: " + survey.title, 150)))));
    if (!r.closed()) {
      String soFar =
          "Round "
              + r.seq()
              + " (open) · *"
              + r.participation()
              + "/"
              + r.recipients()
              + " answered so far*";
      if (!r.visible()) {
        blocks.add(
            section(
                s ->
                    s.text(
                        markdownText(
                            soFar
                                + "\nResults are shared when the round closes, so that nobody can"
                                + " work out an answer by watching them change."))));
        return blocks;
      }
      blocks.add(
          section(
              s ->
                  s.text(
                      markdownText(
                          soFar
                              + "\n_Interim results released "
                              + date(r.releasedAt())
                              + " from "
                              + r.responses()
                              + " answers; comments only at close._"))));
    } else if (!r.visible()) {
      blocks.add(
          section(
              s ->
                  s.text(
                      markdownText(
                          "Round "
                              + r.seq()
                              + ": *not enough answers yet*."
                              + " Results appear once at least "
                              + r.k()
                              + " people have answered"
                              + (r.closed() ? " (this round closed without)." : ".")))));
      return blocks;
    } else {
      blocks.add(
          section(
              s ->
                  s.text(
                      markdownText(
                          "Round "
                              + r.seq()
                              + " (closed)"
                              + " · *"
                              + r.responses()
                              + "/"
                              + r.recipients()
                              + " answered* ("
                              + r.responseRatePercent()
                              + "%)"))));
    }
    int budget = 9_000;
    for (PulseStats.QuestionResult q : r.questions()) {
      PulseStats.Change change =
          changes.stream().filter(c -> c.index() == q.index()).findFirst().orElse(null);
      String text = SlackText.cut(questionText(q, change), Math.min(2900, Math.max(200, budget)));
      budget -= text.length();
      blocks.add(section(s -> s.text(markdownText(text))));
      if (blocks.size() >= 48) {
        break;
      }
    }
    return blocks;
  }

  static String questionText(PulseStats.QuestionResult q, PulseStats.Change change) {
    StringBuilder out = new StringBuilder();
    out.append('*')
        .append(q.index() + 1)
        .append(". ")
        .append(SlackText.escapeAndCut(q.question().text(), 200))
        .append('*');
    if (!q.visible()) {
      return out.append("\n_Not enough answers to show this question._").toString();
    }
    Question question = q.question();
    if (question.type() == QuestionType.TEXT) {
      int shown = 0;
      for (String t : q.texts()) {
        if (out.length() > 1500) {
          break;
        }
        out.append("\n• ").append(SlackText.escapeAndCut(t.replace('\n', ' '), 300));
        shown++;
      }
      if (shown < q.texts().size()) {
        out.append("\n_and ").append(q.texts().size() - shown).append(" more_");
      }
      return out.toString();
    }
    long max = 0;
    for (long c : q.counts()) {
      max = Math.max(max, c);
    }
    for (int v = question.type() == QuestionType.LIKERT ? 1 : 0; v < q.counts().length; v++) {
      String label =
          switch (question.type()) {
            case LIKERT, ENPS -> String.valueOf(v);
            default -> SlackText.escapeAndCut(question.options().get(v), 40);
          };
      int bar = max == 0 ? 0 : (int) Math.round(10.0 * q.counts()[v] / max);
      out.append("\n`")
          .append(label)
          .append("` ")
          .append("█".repeat(bar))
          .append(' ')
          .append(q.counts()[v])
          .append(" (")
          .append(Math.round(100.0 * q.counts()[v] / q.answered()))
          .append("%)");
    }
    if (q.mean() != null) {
      figure(out, "\nMean", "%.1f", q.mean(), change == null ? null : change.meanDelta(), "%+.1f");
    }
    if (q.enps() != null) {
      figure(out, " · eNPS", "%+d", q.enps(), change == null ? null : change.enpsDelta(), "%+d");
    }
    out.append("\n_").append(q.answered()).append(" answered_");
    return out.toString();
  }

  public static String surveyLine(PulseSurvey s, PulseRound latest) {
    return "• *"
        + SlackText.escapeAndCut(s.title, 100)
        + "* — "
        + (s.anonymous ? "anonymous" : "named")
        + (s.repeatWeeks > 0
            ? ", every " + s.repeatWeeks + (s.repeatWeeks == 1 ? " week" : " weeks")
            : ", once")
        + (latest == null
            ? ", not started"
            : ", round "
                + latest.seq
                + (latest.closed ? " closed" : " open until " + date(latest.closesAt)));
  }

  // ---------------------------------------------------------------- short answers

  static final String ONLY_CHIEFS_OF_STAFF = "Only a Chief of Staff can create pulse surveys.";
  static final String FORM_CHANGED =
      "This form has expired or was changed. Please close it and start again with `/cos pulse new`.";
  static final String TYPE_A_QUESTION = "Type the question first, then click Add question.";
  static final String FORM_DID_NOT_OPEN =
      "Slack did not open the form in time. Please run `/cos pulse new` again.";

  /** The answer to a command that names no survey, or one that does not exist. */
  static String whichSurvey(String action, String typed, List<String> suggestions) {
    String example =
        suggestions.isEmpty() ? "Team health" : SlackText.escapeAndCut(suggestions.get(0), 80);
    String head =
        typed == null || typed.isBlank()
            ? "Which survey? Name it, e.g. `/cos pulse " + action + " " + example + "`."
            : "I can't find a survey called “" + SlackText.escapeAndCut(typed, 80) + "”.";
    if (suggestions.isEmpty()) {
      return head
          + " See your surveys with `/cos pulse list`, or create one with `/cos pulse new`.";
    }
    StringBuilder out =
        new StringBuilder(head)
            .append(typed == null || typed.isBlank() ? " Your latest: " : " Did you mean ");
    for (int i = 0; i < suggestions.size(); i++) {
      out.append(i == 0 ? "" : i == suggestions.size() - 1 ? " or " : ", ")
          .append('*')
          .append(SlackText.escapeAndCut(suggestions.get(i), 80))
          .append('*');
    }
    return out.append(typed == null || typed.isBlank() ? "." : "?").toString();
  }

  static String closedNow(PulseSurvey survey) {
    return "Closed *"
        + SlackText.escapeAndCut(survey.title, 150)
        + "*. The results are on their way to the survey's owner.";
  }

  static String stopped(PulseSurvey survey, boolean stopped) {
    return stopped
        ? "No more rounds of *"
            + SlackText.escapeAndCut(survey.title, 150)
            + "* will start. An open round still closes as planned."
        : refusal(PulseRefused.Reason.NOT_FOUND);
  }

  // ---------------------------------------------------------------- digest lines

  static String digestPublished(String escapedTitle, PulseStats.RoundResult r, String headline) {
    return SlackText.cut(
        "Pulse *"
            + escapedTitle
            + "* round "
            + r.seq()
            + ": "
            + r.responses()
            + "/"
            + r.recipients()
            + " answered"
            + headline,
        300);
  }

  static String digestDrop(String escapedTitle, String dropText) {
    return SlackText.cut(
        "Pulse *" + escapedTitle + "* dropped: " + dropText + " since the previous round", 300);
  }

  /** "question 2 ↓0.6 of 5": a 1–5 question's fall, never "Q2" (which reads as a quarter). */
  static String meanDrop(int index, double drop) {
    return "question "
        + (index + 1)
        + " ↓"
        + String.format(java.util.Locale.ROOT, "%.1f", drop)
        + " of 5";
  }

  static String meanHeadline(int index, double mean) {
    return ", question "
        + (index + 1)
        + " averaged "
        + String.format(java.util.Locale.ROOT, "%.1f", mean)
        + " of 5";
  }

  static final String ONLY_COMMENTS = "Only comments this round: they are in the results message.";

  /** The note under the heatmap: how many teams are held back, in words. */
  static String heatmapNote(int hidden) {
    return hidden == 0
        ? "Teams with too few answers are never shown."
        : hidden
            + (hidden == 1 ? " team is" : " teams are")
            + " not shown: too few answers to keep them anonymous.";
  }

  /** The comment on the chart upload: what the images are. */
  static String chartComment(int images, boolean trend, boolean teams) {
    return "How the answers spread this round"
        + (trend ? ", the trend across rounds" : "")
        + (teams ? ", and a heatmap by team" : "")
        + ". Only what had enough answers is shown.";
  }

  /** What {@code /cos pulse} can do, for a missing or unknown subcommand. */
  static String usage(String typed) {
    String head =
        typed == null || typed.isBlank()
            ? "What would you like to do with pulse surveys?"
            : "I don't know `/cos pulse " + SlackText.escapeAndCut(typed, 40) + "`.";
    return head
        + "\n• `/cos pulse new` — create a survey"
        + "\n• `/cos pulse list` — your surveys and their rounds"
        + "\n• `/cos pulse results Team health` — results of a survey's latest round"
        + "\n• `/cos pulse close Team health` / `/cos pulse stop Team health` — close the open"
        + " round now / stop future rounds";
  }

  static String surveyList(List<String> lines) {
    if (lines.isEmpty()) {
      return "No pulse surveys yet. Create one with `/cos pulse new`.";
    }
    return "*Pulse surveys*\n"
        + String.join("\n", lines)
        + "\n_See results with `/cos pulse results` followed by the survey's title._";
  }

  /** Why someone cannot answer or act, in plain words. */
  public static String refusal(PulseRefused.Reason reason) {
    return switch (reason) {
      case NOT_FOUND -> "I can't find that survey any more. It may have been removed.";
      case CLOSED ->
          "Thank you for wanting to answer! This survey round has closed, so it no longer"
              + " takes answers. You will be asked again in the next round.";
      case JUST_CLOSED ->
          "Thank you for wanting to answer! This survey round has just closed, so it no longer"
              + " takes answers. You will be asked again in the next round.";
      case NOT_ASKED ->
          "This survey was not sent to you, so I cannot take your answer. Thanks anyway!";
      case NO_OPEN_ROUND -> "This survey has no open round right now.";
      case NOT_STARTED -> "This survey has not started its first round yet.";
    };
  }

  /** The creator's note when the first round goes out: how many people, from where, until when. */
  public static String openedText(PulseSurvey survey, PulseRound round) {
    if (round.recipients == 0) {
      return ":warning: *"
          + SlackText.escapeAndCut(survey.title, 150)
          + "* found nobody to ask in "
          + audience(survey)
          + " (bots and deactivated accounts are left out). Check the audience and create it"
          + " again with `/cos pulse new`.";
    }
    return ":outbox_tray: Sending *"
        + SlackText.escapeAndCut(survey.title, 150)
        + "* to "
        + people(round.recipients)
        + " in "
        + audience(survey)
        + " now. It is open until "
        + date(round.closesAt)
        + "; I'll send you the results here when it closes. See it any time with `/cos pulse"
        + " results "
        + SlackText.escapeAndCut(survey.title, 100)
        + "`.";
  }

  /** The creator's confirmation of a survey whose first round starts later. */
  public static String scheduledText(PulseSurvey survey) {
    return ":calendar: *"
        + SlackText.escapeAndCut(survey.title, 150)
        + "* will go to "
        + audience(survey)
        + " on "
        + survey.localStart.format(
            java.time.format.DateTimeFormatter.ofPattern(
                "EEEE d MMMM 'at' h:mm a", java.util.Locale.ENGLISH))
        + " in each person's own time zone"
        + (survey.repeatWeeks > 0
            ? ", then "
                + SCHEDULES.getOrDefault(repeatKey(survey.repeatWeeks), "again").toLowerCase()
            : "")
        + ". I'll tell you how many people it went to when it starts.";
  }

  private static String repeatKey(int weeks) {
    return switch (weeks) {
      case 1 -> "weekly";
      case 2 -> "biweekly";
      default -> "monthly";
    };
  }

  /** The audience as people read it: the group's name, the channel, or "the people you picked". */
  static String audience(PulseSurvey survey) {
    return switch (survey.audienceKind) {
      case CHANNEL -> "<#" + survey.audience + ">";
      case USERGROUP ->
          survey.audienceLabel == null || survey.audienceLabel.equals(survey.audience)
              ? "the user group you picked"
              : SlackText.escapeAndCut(survey.audienceLabel, 100);
      case PEOPLE -> "the people you picked";
    };
  }

  static String people(int n) {
    return n == 1 ? "1 person" : n + " people";
  }

  /** A date Slack shows in each reader's own time zone. */
  /** A moment as a date token; the fallback (old clients, notifications) is written in UTC. */
  static String date(Instant at) {
    return SlackDates.token(at, ZoneOffset.UTC);
  }

  static com.slack.api.model.block.composition.PlainTextObject plain(String text) {
    return plainText(text);
  }

  /** An option's text within Slack's 75 characters. */
  static String optionText(String text) {
    return SlackText.cut(text, 75);
  }

  static OptionObject option(String text, String value) {
    return OptionObject.builder().text(plainText(text)).value(value).build();
  }
}
