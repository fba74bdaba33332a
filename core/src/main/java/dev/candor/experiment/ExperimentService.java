package dev.candor.experiment;

import dev.candor.model.ConsentState;
import dev.candor.model.Feedback;
import dev.candor.model.Purpose;
import dev.candor.model.SubjectId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What transports call to run experiments: define and stop them, assign subjects, record
 * impressions and what followed, and read results. Thread-safe when its stores are.
 *
 * <p>Privacy: only subjects who granted {@link Purpose#EXPERIMENTS} are assigned and recorded;
 * nothing is recorded for anyone else. {@link #recordErasure} counts the erasure in each of the
 * subject's participations and then unlinks the subject from every row.
 *
 * <p>Call order the wiring must follow: {@link #assign} before serving, {@link #recordImpression}
 * with the response's request id after serving, {@link #recordClick}, {@link #recordConversion} and
 * {@link #recordFeedback} as they arrive, {@link #recordConsentChange} on every consent change,
 * {@link #recordCorrection} on profile corrections, and {@link #recordErasure} <em>before</em> the
 * engine erases the subject.
 */
public final class ExperimentService {
    /** How long after an impression outcomes are still credited to it, unless configured. */
    public static final Duration DEFAULT_ATTRIBUTION_WINDOW = Duration.ofHours(24);

    private final ExperimentStore experiments;
    private final ExposureLog log;
    private final InstantSource clock;
    private final Duration window;

    /**
     * @param attributionWindow outcomes later than this after their impression are not credited; {@code > 0}
     */
    public ExperimentService(ExperimentStore experiments, ExposureLog log, InstantSource clock, Duration attributionWindow) {
        this.experiments = Objects.requireNonNull(experiments, "experiments");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(attributionWindow, "attributionWindow");
        if (attributionWindow.isNegative() || attributionWindow.isZero()) {
            throw new IllegalArgumentException("attributionWindow must be > 0. Provided value: " + attributionWindow);
        }
    }

    /**
     * Stores a new experiment.
     *
     * @throws IllegalStateException when its id is taken
     */
    public Experiment create(Experiment experiment) {
        if (!experiments.create(experiment)) {
            throw new IllegalStateException("an experiment with this id exists");
        }
        return experiment;
    }

    public Optional<Experiment> experiment(ExperimentId id) {
        return experiments.get(id);
    }

    public List<Experiment> experiments() {
        return experiments.list();
    }

    /** Stops assignment now. {@return the stopped experiment, empty when unknown} */
    public Optional<Experiment> stop(ExperimentId id) {
        return experiments.get(id).map(e -> {
            Experiment stopped = e.stoppedAt(clock.instant());
            experiments.update(stopped);
            return stopped;
        });
    }

    /** {@return the subject's assignment now}: see {@link VariantAssigner#assign} */
    public Assignment assign(ExperimentId id, SubjectId subject, ConsentState consent) {
        return experiments.get(id)
                .map(e -> VariantAssigner.assign(e, subject, consent, clock.instant()))
                .orElse(new Assignment.NotEnrolled(Assignment.Why.UNKNOWN_EXPERIMENT));
    }

    /**
     * Records that the response {@code requestId} was served to an enrolled subject now. Does
     * nothing for a subject who is not enrolled. {@return whether an impression was recorded}
     */
    public boolean recordImpression(String requestId, SubjectId subject, Assignment assignment) {
        if (!(assignment instanceof Assignment.Enrolled enrolled)) {
            return false;
        }
        return log.recordImpression(new Impression(requestId, enrolled.experiment(), enrolled.variant().name(), subject,
                clock.instant()));
    }

    /** Credits a click to the response. {@return false when the request id is unknown or outside the window} */
    public boolean recordClick(String requestId) {
        return attribute(requestId, new Outcome.Click(clock.instant()));
    }

    /** Credits a conversion, with revenue when sent. {@return false when unknown or outside the window} */
    public boolean recordConversion(String requestId, Optional<Double> revenue) {
        return attribute(requestId, new Outcome.Conversion(clock.instant(), revenue));
    }

    /**
     * Credits feedback: "too personal" and "not interested" to the response it names; "not me" is
     * a correction of the subject's profile. {@return whether anything was credited}
     */
    public boolean recordFeedback(Feedback feedback) {
        return switch (feedback.signal()) {
            case TOO_PERSONAL -> feedback.requestId().map(r -> attribute(r, new Outcome.TooPersonal(feedback.at()))).orElse(false);
            case NOT_INTERESTED -> feedback.requestId().map(r -> attribute(r, new Outcome.NotInterested(feedback.at()))).orElse(false);
            case NOT_ME -> log.markSubject(feedback.subject(), SubjectOutcome.CORRECTED, feedback.at()) > 0;
            case HELPFUL -> false;
        };
    }

    /**
     * Counts an opt-out in each of the subject's participations when {@code after} withdraws any
     * purpose {@code before} granted. {@return whether anything was counted}
     */
    public boolean recordConsentChange(SubjectId subject, ConsentState before, ConsentState after) {
        boolean withdrew = before.granted().stream().anyMatch(p -> !after.allows(p));
        return withdrew && log.markSubject(subject, SubjectOutcome.OPTED_OUT, clock.instant()) > 0;
    }

    /** Counts a profile correction (removed interest, deleted event, edited preferences). */
    public boolean recordCorrection(SubjectId subject) {
        return log.markSubject(subject, SubjectOutcome.CORRECTED, clock.instant()) > 0;
    }

    /**
     * Counts the erasure in each of the subject's participations, then unlinks the subject from
     * every impression and participation. {@return how many rows were unlinked}
     */
    public long recordErasure(SubjectId subject) {
        log.markSubject(subject, SubjectOutcome.ERASED, clock.instant());
        return log.unlinkSubject(subject);
    }

    /** {@return the experiment's results now, empty when unknown} */
    public Optional<ExperimentResults> results(ExperimentId id) {
        return experiments.get(id).map(e -> ExperimentAnalyzer.analyze(e, log.totals(id), clock.instant()));
    }

    private boolean attribute(String requestId, Outcome outcome) {
        Impression.checkRequestId(requestId);
        Optional<Impression> imp = log.impression(requestId);
        if (imp.isEmpty() || outcome.at().isBefore(imp.get().at()) || outcome.at().isAfter(imp.get().at().plus(window))) {
            return false;
        }
        return log.attribute(requestId, outcome);
    }
}
