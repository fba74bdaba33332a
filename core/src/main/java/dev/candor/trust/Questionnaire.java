package dev.candor.trust;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers to the trust questionnaire: question id → answer value, both from {@link #QUESTIONS}.
 * Unanswered questions earn no credit and show as a gap. Anyone can fill it in about any
 * recommender, Candor or not (it is what {@code POST /v1/trust/assess} accepts).
 *
 * @param answers question id → allowed answer value
 */
public record Questionnaire(Map<String, String> answers) {
    /**
     * One allowed answer.
     *
     * @param value   the wire value, lowercase snake case
     * @param credit  the share of the question's points it earns, 0–1
     * @param finding what the answer means, as the finding's text
     */
    public record Answer(String value, double credit, String finding) {
        private static final Pattern VALID = Pattern.compile("[a-z0-9_]{1,40}");

        public Answer {
            if (value == null || !VALID.matcher(value).matches()) {
                throw new IllegalArgumentException("answer value must be lowercase snake case");
            }
            if (!(credit >= 0 && credit <= 1)) {
                throw new IllegalArgumentException("credit must be in [0, 1]. Provided value: " + credit);
            }
            Objects.requireNonNull(finding, "finding");
        }
    }

    /**
     * One question.
     *
     * @param id        stable wire id
     * @param dimension what it scores
     * @param points    its weight within the dimension
     * @param text      the question as shown
     * @param allowed   the allowed answers, best first
     * @param figure    the published figure that says why it matters, if any
     */
    public record Question(String id, Dimension dimension, double points, String text, List<Answer> allowed,
                           Optional<PublishedFigure> figure) {
        public Question {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(dimension, "dimension");
            Objects.requireNonNull(text, "text");
            allowed = List.copyOf(allowed);
            Objects.requireNonNull(figure, "figure");
        }

        public Optional<Answer> answer(String value) {
            return allowed.stream().filter(a -> a.value().equals(value)).findFirst();
        }
    }

    private static Answer a(String value, double credit, String finding) {
        return new Answer(value, credit, finding);
    }

    private static Question q(String id, Dimension d, double points, String text, PublishedFigure figure, Answer... allowed) {
        return new Question(id, d, points, text, List.of(allowed), Optional.ofNullable(figure));
    }

    /** The questions, by dimension. Ids and answer values are part of the HTTP contract. */
    public static final List<Question> QUESTIONS = List.of(
            q("explanations", Dimension.TRANSPARENCY, 2, "Does every recommendation show why it was made?",
                    PublishedFigure.TRANSPARENCY_PAYS,
                    a("all", 1, "Every recommendation carries its reasons."),
                    a("some", 0.5, "Only some recommendations are explained; explain all of them."),
                    a("none", 0, "Recommendations are not explained; show why each one was made.")),
            q("data_used_shown", Dimension.TRANSPARENCY, 1, "Can users see which kinds of data shaped a recommendation?",
                    PublishedFigure.CREEPY_PERSONALIZATION,
                    a("yes", 1, "Users see which data shaped each recommendation."),
                    a("no", 0, "Users cannot see which data was used; show it next to each recommendation.")),
            q("preference_center", Dimension.USER_CONTROL, 1, "Can users view and correct what is inferred about them?",
                    PublishedFigure.TRANSPARENCY_PAYS,
                    a("yes", 1, "Users can view and correct their inferred interests."),
                    a("view_only", 0.5, "Users can see but not correct inferences; let them correct and remove them."),
                    a("no", 0, "Users cannot see what is inferred about them; offer a preference center.")),
            q("feedback_effect", Dimension.USER_CONTROL, 1,
                    "When a user says \"not interested\" or \"too personal\", when does it take effect?",
                    PublishedFigure.CREEPY_PERSONALIZATION,
                    a("next_request", 1, "Feedback takes effect on the next request."),
                    a("later", 0.5, "Feedback takes effect only after retraining; apply it on the next request."),
                    a("not_supported", 0, "Users cannot push back on a recommendation; add not interested / too personal.")),
            q("personalization_off", Dimension.USER_CONTROL, 1, "Can users switch personalization off entirely?", null,
                    a("yes", 1, "Users can switch personalization off."),
                    a("no", 0, "Users cannot switch personalization off; add a switch.")),
            q("consent_default", Dimension.CONSENT_AND_PURPOSE, 2, "What applies before a user has chosen?",
                    PublishedFigure.DEFECTION_OVER_TRUST,
                    a("privacy_by_default", 1, "Nothing is collected for personalization until the user opts in."),
                    a("opt_out", 0, "Data is used until the user objects; make invasive uses opt-in.")),
            q("consent_granularity", Dimension.CONSENT_AND_PURPOSE, 1, "How granular is consent?",
                    PublishedFigure.MISSING_PERSONALIZATION_FRUSTRATES,
                    a("per_purpose", 1, "Consent is asked per purpose, so users can keep the personalization they value."),
                    a("single_switch", 0.5, "One switch covers every use; split consent by purpose."),
                    a("none", 0, "Consent is not asked; ask per purpose.")),
            q("retention", Dimension.DATA_MINIMIZATION, 2, "Are events deleted after a set retention period?",
                    PublishedFigure.DEFECTION_OVER_TRUST,
                    a("yes", 1, "Events are deleted after a retention period."),
                    a("no", 0, "Events are kept forever; configure retention per event type.")),
            q("pseudonymization", Dimension.DATA_MINIMIZATION, 1, "Are user ids pseudonymized before storage?", null,
                    a("yes", 1, "User ids are pseudonymized before storage."),
                    a("no", 0, "Raw user ids are stored; pseudonymize them at the edge.")),
            q("erasure", Dimension.DATA_MINIMIZATION, 1, "Can users erase their data?",
                    PublishedFigure.DEFECTION_OVER_TRUST,
                    a("with_model_unlearning", 1, "Erasure removes the data and its influence on models."),
                    a("data_only", 0.5, "Erasure removes data but models keep its influence; retrain or unlearn."),
                    a("no", 0, "Users cannot erase their data; offer erasure with a receipt.")),
            q("sensitive_categories", Dimension.SENSITIVE_INFERENCES, 2,
                    "Are sensitive categories (health, religion, sexuality, politics, finances, children) kept out of inference unless the user opts in?",
                    PublishedFigure.CREEPY_PERSONALIZATION,
                    a("yes", 1, "Sensitive categories are never inferred without an opt-in."),
                    a("no", 0, "Sensitive categories may be inferred from behaviour; exclude them.")),
            q("group_min_size", Dimension.SENSITIVE_INFERENCES, 1,
                    "What is the smallest group a \"popular with people like you\" signal may describe?", null,
                    a("k_50_or_more", 1, "Group signals rest on at least 50 people."),
                    a("k_10_to_49", 0.5, "Group signals may rest on fewer than 50 people; raise k."),
                    a("below_10_or_unbounded", 0, "Group signals may single people out; require k-anonymity.")),
            q("decay", Dimension.DECAY_AND_CONTEXT, 2, "Does old behaviour lose weight over time?",
                    PublishedFigure.CREEPY_PERSONALIZATION,
                    a("yes", 1, "Old behaviour decays."),
                    a("no", 0, "Old behaviour defines users forever; decay it.")),
            q("context_consent", Dimension.DECAY_AND_CONTEXT, 1, "Is request context (device, time, location) used only with consent?",
                    null,
                    a("yes", 1, "Context is used only with consent."),
                    a("not_used", 1, "Context is not used."),
                    a("no", 0, "Context is used without consent; ask for it.")),
            q("input_validation", Dimension.DATA_QUALITY, 1, "Is malformed input rejected with an error rather than stored?",
                    PublishedFigure.DATA_IS_THE_OBSTACLE,
                    a("yes", 1, "Malformed input is rejected."),
                    a("no", 0, "Malformed input is stored; validate it at ingest.")),
            q("quality_monitoring", Dimension.DATA_QUALITY, 1, "Are rejected, dropped and duplicate events monitored?",
                    PublishedFigure.DATA_IS_THE_OBSTACLE,
                    a("yes", 1, "Event quality is monitored."),
                    a("no", 0, "Event quality is not monitored; watch rejected and dropped rates.")),
            q("curation", Dimension.HUMAN_OVERSIGHT, 1, "Can people curate or override what is recommended?", null,
                    a("yes", 1, "People can curate and override recommendations."),
                    a("no", 0, "Nobody can override the algorithm; add curated collections and exclusions.")),
            q("audit_log", Dimension.HUMAN_OVERSIGHT, 1, "Is there a tamper-evident audit log, and does someone review it?",
                    PublishedFigure.DEFECTION_OVER_TRUST,
                    a("reviewed", 1, "A tamper-evident audit log is kept and reviewed."),
                    a("kept", 0.5, "An audit log is kept but nobody reviews it; review it."),
                    a("no", 0, "There is no audit log; keep one.")),
            q("trust_metrics", Dimension.TRUST_MEASUREMENT, 1, "Are opt-outs and complaints measured next to business metrics?",
                    PublishedFigure.CREEPY_PERSONALIZATION,
                    a("yes", 1, "Opt-outs and complaints are measured."),
                    a("no", 0, "Trust is not measured; track opt-outs and complaints.")),
            q("experiment_guardrails", Dimension.TRUST_MEASUREMENT, 1, "Do experiments stop variants that raise opt-outs or complaints?",
                    PublishedFigure.DEFECTION_OVER_TRUST,
                    a("yes", 1, "Experiments have trust guardrails."),
                    a("no_experiments", 0.5, "No experiments are run, so trust effects of changes are unmeasured."),
                    a("no", 0, "Experiments optimise clicks alone; add trust guardrails.")));

    public Questionnaire {
        Map<String, String> copy = new LinkedHashMap<>();
        answers.forEach((id, value) -> {
            Question question = question(id).orElseThrow(() -> new IllegalArgumentException("unknown question id: " + id));
            if (question.answer(value).isEmpty()) {
                throw new IllegalArgumentException("answer to " + id + " must be one of "
                        + question.allowed().stream().map(Answer::value).toList());
            }
            copy.put(id, value);
        });
        answers = java.util.Collections.unmodifiableMap(copy);
    }

    /** {@return the question with this id, if any} */
    public static Optional<Question> question(String id) {
        return QUESTIONS.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** {@return answers with the best allowed answer to every question} */
    public static Questionnaire best() {
        Map<String, String> m = new LinkedHashMap<>();
        QUESTIONS.forEach(q -> m.put(q.id(), q.allowed().getFirst().value()));
        return new Questionnaire(m);
    }

    /** {@return these answers with one changed} */
    public Questionnaire with(String id, String value) {
        Map<String, String> m = new LinkedHashMap<>(answers);
        m.put(id, value);
        return new Questionnaire(m);
    }
}
