package dev.candor.experiment;

import dev.candor.model.ConsentState;
import dev.candor.model.Feedback;
import dev.candor.model.Purpose;
import dev.candor.model.SubjectId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What transports call to run experiments: define and stop them, assign subjects, record
 * impressions and what followed, and read results. Thread-safe when its stores are.
 *
 * <p>Privacy: only subjects who granted {@link Purpose#EXPERIMENTS} are assigned and recorded;
 * nothing is recorded for anyone else. {@link #recordErasure} counts the erasure in each of the
 * subject's participations and then deletes every row of the subject (its counts stay in the
 * variants' anonymous totals).
 *
 * <p>Call order the wiring must follow: {@link #assign(Optional, SubjectId, ConsentState)} before
 * serving, {@link #recordImpression} with the response's request id after serving,
 * {@link #recordCredits} (clicks, conversions) and {@link #recordFeedback} as they arrive,
 * {@link #recordConsentChange} on every consent change, {@link #recordCorrection} on profile
 * corrections, and {@link #recordErasure} <em>before</em> the engine erases the subject.
 *
 * <p>The experiments that are scheduled or running are cached and re-read from the store every
 * {@link #REFRESH} (and at once after {@link #create} and {@link #stop} on this node), so
 * assigning a request reads no database.
 */
public final class ExperimentService {
    /** How long after an impression outcomes are still credited to it, unless configured. */
    public static final Duration DEFAULT_ATTRIBUTION_WINDOW = Duration.ofHours(24);
    /** How often the cache of active experiments is re-read from the store (other nodes' changes). */
    public static final Duration REFRESH = Duration.ofSeconds(30);

    /** An outcome reported for a subject, to credit to one of their impressions. */
    public record SubjectCredit(String requestId, SubjectId subject, Outcome outcome) {
        public SubjectCredit {
            Impression.checkRequestId(requestId);
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    private final ExperimentStore experiments;
    private final ExposureLog log;
    private final InstantSource clock;
    private final Duration window;
    private volatile List<Experiment> active = List.of();
    private volatile Instant readAt = Instant.MIN;

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

    public Duration attributionWindow() {
        return window;
    }

    /**
     * Stores a new experiment.
     *
     * @throws ExperimentConflictException when its id is taken, or when another experiment that is
     *                                     not stopped could cover the same requests (one request is
     *                                     in at most one experiment)
     */
    public synchronized Experiment create(Experiment experiment) {
        Optional<ExperimentConflictException> conflict = conflict(experiment);
        if (conflict.isPresent()) {
            throw conflict.get();
        }
        if (!experiments.create(experiment)) {
            throw new ExperimentConflictException(ExperimentConflictException.Kind.ID_TAKEN, experiment.id());
        }
        refresh();
        return experiment;
    }

    /** {@return why {@link #create} would refuse {@code experiment} now, if it would} */
    public Optional<ExperimentConflictException> conflict(Experiment experiment) {
        if (experiments.get(experiment.id()).isPresent()) {
            return Optional.of(new ExperimentConflictException(ExperimentConflictException.Kind.ID_TAKEN, experiment.id()));
        }
        Instant now = clock.instant();
        for (Experiment other : experiments.list()) {
            if (other.status(now) != Experiment.Status.STOPPED && other.overlaps(experiment)) {
                return Optional.of(new ExperimentConflictException(ExperimentConflictException.Kind.OVERLAP, other.id()));
            }
        }
        return Optional.empty();
    }

    public Optional<Experiment> experiment(ExperimentId id) {
        return experiments.get(id);
    }

    public List<Experiment> experiments() {
        return experiments.list();
    }

    /**
     * Stops assignment now; its results stay readable.
     *
     * @return the stopped experiment, empty when unknown
     * @throws IllegalStateException when it is already stopped
     */
    public synchronized Optional<Experiment> stop(ExperimentId id) {
        Optional<Experiment> stopped = experiments.get(id).map(e -> {
            Experiment s = e.stoppedAt(clock.instant());
            experiments.update(s);
            return s;
        });
        refresh();
        return stopped;
    }

    /** {@return the subject's assignment in experiment {@code id} now}: see {@link VariantAssigner#assign} */
    public Assignment assign(ExperimentId id, SubjectId subject, ConsentState consent) {
        return experiments.get(id)
                .map(e -> VariantAssigner.assign(e, subject, consent, clock.instant()))
                .orElse(new Assignment.NotEnrolled(Assignment.Why.UNKNOWN_EXPERIMENT));
    }

    /**
     * {@return the subject's assignment for a request on {@code surface} now}: in the running
     * experiment that covers the surface, if one does (at most one can); otherwise not enrolled.
     * Reads no database (see the class comment).
     */
    public Assignment assign(Optional<String> surface, SubjectId subject, ConsentState consent) {
        Instant now = clock.instant();
        if (!now.isBefore(readAt.plus(REFRESH))) {
            refresh();
        }
        for (Experiment e : active) {
            if (e.isRunning(now) && e.covers(surface)) {
                return VariantAssigner.assign(e, subject, consent, now);
            }
        }
        return new Assignment.NotEnrolled(Assignment.Why.NOT_RUNNING);
    }

    /** Re-reads the experiments that are scheduled or running. */
    public void refresh() {
        Instant now = clock.instant();
        active = experiments.list().stream().filter(e -> e.status(now) != Experiment.Status.STOPPED).toList();
        readAt = now;
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
        return attribute(requestId, Optional.empty(), new Outcome.Click(clock.instant()));
    }

    /** Credits a conversion, with revenue when sent. {@return false when unknown or outside the window} */
    public boolean recordConversion(String requestId, Optional<Double> revenue) {
        return attribute(requestId, Optional.empty(), new Outcome.Conversion(clock.instant(), revenue));
    }

    /**
     * Credits outcomes the subjects reported (clicks and conversions arriving as events), in one
     * durable write. An outcome is credited only to an impression of the same subject, inside the
     * attribution window; the caller passes only subjects who still grant {@link Purpose#EXPERIMENTS}.
     * {@return how many were credited}
     */
    public int recordCredits(List<SubjectCredit> credits) {
        if (credits.isEmpty()) {
            return 0;
        }
        Set<String> ids = new LinkedHashSet<>();
        credits.forEach(c -> ids.add(c.requestId()));
        Map<String, Impression> known = log.impressions(ids);
        List<ExposureLog.Credit> valid = new ArrayList<>();
        for (SubjectCredit c : credits) {
            Impression imp = known.get(c.requestId());
            if (imp != null && imp.subject().equals(c.subject()) && inWindow(imp, c.outcome().at())) {
                valid.add(new ExposureLog.Credit(c.requestId(), c.outcome()));
            }
        }
        return valid.isEmpty() ? 0 : log.attributeAll(valid);
    }

    /**
     * Credits feedback: "too personal" and "not interested" to the response it names (when it is
     * the same subject's); "not me" is a correction of the subject's profile. {@return whether
     * anything was credited}
     */
    public boolean recordFeedback(Feedback feedback) {
        Optional<SubjectId> who = Optional.of(feedback.subject());
        return switch (feedback.signal()) {
            case TOO_PERSONAL -> feedback.requestId().map(r -> attribute(r, who, new Outcome.TooPersonal(feedback.at()))).orElse(false);
            case NOT_INTERESTED -> feedback.requestId().map(r -> attribute(r, who, new Outcome.NotInterested(feedback.at()))).orElse(false);
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
     * Counts the erasure in each of the subject's participations, then deletes every impression
     * and participation of the subject (their counts stay, anonymous). {@return rows deleted}
     */
    public long recordErasure(SubjectId subject) {
        log.markSubject(subject, SubjectOutcome.ERASED, clock.instant());
        return log.eraseSubject(subject);
    }

    /** {@return the experiment's results now, empty when unknown} */
    public Optional<ExperimentResults> results(ExperimentId id) {
        return experiments.get(id).map(e -> ExperimentAnalyzer.analyze(e, log.totals(id), clock.instant()));
    }

    /** {@return the experiments the subject took part in, for their own view and export} */
    public List<ExposureLog.Participation> participations(SubjectId subject) {
        return log.participations(subject);
    }

    /** {@return each variant's totals now (variants without impressions are absent)} */
    public Map<String, VariantTotals> totals(ExperimentId id) {
        return log.totals(id);
    }

    private boolean inWindow(Impression imp, Instant at) {
        return !at.isBefore(imp.at()) && !at.isAfter(imp.at().plus(window));
    }

    private boolean attribute(String requestId, Optional<SubjectId> subject, Outcome outcome) {
        Impression.checkRequestId(requestId);
        Optional<Impression> imp = log.impression(requestId);
        if (imp.isEmpty() || subject.isPresent() && !subject.get().equals(imp.get().subject()) || !inWindow(imp.get(), outcome.at())) {
            return false;
        }
        return log.attribute(requestId, outcome);
    }
}
