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
import dev.cosbot.platform.support.SlackText;
import java.time.Instant;
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

  public static View newSurveyModal(int defaultK, String today) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        input(
            i ->
                i.blockId(PulseIds.TITLE)
                    .label(plainText("Title"))
                    .element(plainTextInput(p -> p.actionId(PulseIds.VALUE).maxLength(150)))));
    List<OptionObject> templates = new ArrayList<>();
    PulseQuestions.TEMPLATE_LABELS.forEach((k, v) -> templates.add(option(v, k)));
    blocks.add(
        input(
            i ->
                i.blockId(PulseIds.TEMPLATE)
                    .optional(true)
                    .label(plainText("Template"))
                    .hint(plainText("Used when the questions box is empty."))
                    .element(staticSelect(s -> s.actionId(PulseIds.VALUE).options(templates)))));
    blocks.add(
        input(
            i ->
                i.blockId(PulseIds.QUESTIONS)
                    .optional(true)
                    .label(plainText("Questions (one per line)"))
                    .hint(
                        plainText(
                            "type: question | option | option. Types: likert (1–5), enps (0–10), single, multi, text."
                                + " Add ? after the type for an optional question, e.g. text?: Anything else?"))
                    .element(
                        plainTextInput(
                            p -> p.actionId(PulseIds.VALUE).multiline(true).maxLength(3000)))));
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "*Audience* — pick a channel, a user group or people (bots and deactivated accounts are left out)."))));
    blocks.add(
        input(
            i ->
                i.blockId(PulseIds.CHANNEL)
                    .optional(true)
                    .label(plainText("Members of channel"))
                    .element(conversationsSelect(c -> c.actionId(PulseIds.VALUE)))));
    blocks.add(
        input(
            i ->
                i.blockId(PulseIds.USERGROUP)
                    .optional(true)
                    .label(plainText("User group id"))
                    .hint(plainText("e.g. S0123ABC (from the group's page in Slack)"))
                    .element(plainTextInput(p -> p.actionId(PulseIds.VALUE).maxLength(30)))));
    blocks.add(
        input(
            i ->
                i.blockId(PulseIds.PEOPLE)
                    .optional(true)
                    .label(plainText("People"))
                    .element(multiUsersSelect(m -> m.actionId(PulseIds.VALUE)))));
    blocks.add(
        input(
            i ->
                i.blockId(PulseIds.SLICES)
                    .optional(true)
                    .label(plainText("Break results down by team"))
                    .hint(
                        plainText(
                            "Optional. Each team is shown only when enough of its people answered"
                                + " to keep them anonymous; someone in several teams counts in the"
                                + " first one."))
                    .element(
                        multiExternalSelect(
                            m ->
                                m.actionId(PulseIds.GROUP_PICKER)
                                    .minQueryLength(0)
                                    .maxSelectedItems(Slice.MAX)
                                    .placeholder(plainText("Pick user groups"))))));
    blocks.add(
        input(
            i ->
                i.blockId(PulseIds.ANONYMITY)
                    .label(plainText("Answers are"))
                    .element(
                        radioButtons(
                            r ->
                                r.actionId(PulseIds.VALUE)
                                    .options(
                                        List.of(
                                            option("Anonymous", "anonymous"),
                                            option(
                                                "Named (people see their name is stored)",
                                                "named")))
                                    .initialOption(option("Anonymous", "anonymous"))))));
    List<OptionObject> schedules = new ArrayList<>();
    for (String key : List.of("now", "once", "weekly", "biweekly", "monthly")) {
      schedules.add(option(SCHEDULES.get(key), key));
    }
    blocks.add(
        input(
            i ->
                i.blockId(PulseIds.SCHEDULE)
                    .label(plainText("Schedule"))
                    .element(
                        staticSelect(
                            s ->
                                s.actionId(PulseIds.VALUE)
                                    .options(schedules)
                                    .initialOption(schedules.get(0))))));
    blocks.add(
        input(
            i ->
                i.blockId(PulseIds.START_DATE)
                    .optional(true)
                    .label(plainText("First date"))
                    .element(datePicker(d -> d.actionId(PulseIds.VALUE).initialDate(today)))));
    blocks.add(
        input(
            i ->
                i.blockId(PulseIds.START_TIME)
                    .optional(true)
                    .label(plainText("Time, in each person's time zone"))
                    .element(timePicker(t -> t.actionId(PulseIds.VALUE).initialTime("10:00")))));
    List<OptionObject> durations = new ArrayList<>();
    for (String d : OPEN_FOR) {
      durations.add(option(d + (d.equals("1") ? " day" : " days"), d));
    }
    blocks.add(
        input(
            i ->
                i.blockId(PulseIds.OPEN_FOR)
                    .label(plainText("Open for"))
                    .element(
                        staticSelect(
                            s ->
                                s.actionId(PulseIds.VALUE)
                                    .options(durations)
                                    .initialOption(durations.get(2))))));
    blocks.add(
        input(
            i ->
                i.blockId(PulseIds.MIN_ANSWERS)
                    .label(plainText("Minimum answers to show results"))
                    .hint(
                        plainText(
                            "Never below "
                                + PulseSettings.FLOOR
                                + ". Results, breakdowns and comments stay hidden below it."))
                    .element(
                        numberInput(
                            n ->
                                n.actionId(PulseIds.VALUE)
                                    .decimalAllowed(false)
                                    .minValue(String.valueOf(PulseSettings.FLOOR))
                                    .maxValue("1000")
                                    .initialValue(String.valueOf(defaultK))))));
    return view(
        v ->
            v.type("modal")
                .callbackId(PulseIds.NEW_SURVEY_VIEW)
                .title(viewTitle(t -> t.type("plain_text").text("New pulse survey")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Create")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
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
      PulseSurvey survey, PulseRound round, List<Question> questions) {
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
    String value = String.valueOf(round.id);
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
                        .value(value + ":" + vv)));
      }
      blocks.add(actions(a -> a.blockId("pulse_quick").elements(buttons)));
    } else {
      blocks.add(
          actions(
              a ->
                  a.blockId("pulse_take")
                      .elements(
                          List.of(
                              button(
                                  b ->
                                      b.actionId(PulseIds.TAKE_SURVEY)
                                          .style("primary")
                                          .text(plainText("Take the survey"))
                                          .value(value))))));
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

  public static List<LayoutBlock> reminder(PulseSurvey survey, PulseRound round) {
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
        actions(
            a ->
                a.blockId("pulse_take")
                    .elements(
                        List.of(
                            button(
                                b ->
                                    b.actionId(PulseIds.TAKE_SURVEY)
                                        .style("primary")
                                        .text(plainText("Take the survey"))
                                        .value(String.valueOf(round.id)))))));
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
      String privacyUrl) {
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
                .privateMetadata(String.valueOf(round.id))
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
            "Q"
                + (c.index() + 1)
                + " "
                + (q.type() == QuestionType.ENPS && c.enps() != null
                    ? "eNPS " + String.format(java.util.Locale.ROOT, "%+d", c.enps())
                    : String.format(java.util.Locale.ROOT, "%.1f", c.mean()));
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
      out.append("\nMean *")
          .append(String.format(java.util.Locale.ROOT, "%.1f", q.mean()))
          .append('*');
      if (change != null && change.meanDelta() != null) {
        out.append(" (")
            .append(String.format(java.util.Locale.ROOT, "%+.1f", change.meanDelta()))
            .append(" vs previous round)");
      }
    }
    if (q.enps() != null) {
      out.append(" · eNPS *")
          .append(String.format(java.util.Locale.ROOT, "%+d", q.enps()))
          .append('*');
      if (change != null && change.enpsDelta() != null) {
        out.append(" (")
            .append(String.format(java.util.Locale.ROOT, "%+d", change.enpsDelta()))
            .append(" vs previous round)");
      }
    }
    out.append("\n_").append(q.answered()).append(" answered_");
    return out.toString();
  }

  public static String surveyLine(PulseSurvey s, PulseRound latest) {
    return "• `"
        + s.id
        + "` *"
        + SlackText.escapeAndCut(s.title, 100)
        + "* — "
        + (s.anonymous ? "anonymous" : "named")
        + ", k="
        + s.minAnswers
        + (s.repeatWeeks > 0
            ? ", every " + s.repeatWeeks + (s.repeatWeeks == 1 ? " week" : " weeks")
            : ", once")
        + (latest == null
            ? ", not started"
            : ", round "
                + latest.seq
                + (latest.closed ? " closed" : " open until " + date(latest.closesAt)));
  }

  /** A date Slack shows in each reader's own time zone. */
  static String date(Instant at) {
    return "<!date^"
        + at.getEpochSecond()
        + "^{date_short_pretty} at {time}|"
        + at.toString().substring(0, 16).replace('T', ' ')
        + " UTC>";
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
