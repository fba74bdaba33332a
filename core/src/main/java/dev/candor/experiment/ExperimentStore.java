package dev.candor.experiment;

import java.util.List;
import java.util.Optional;

/** Experiment definitions. Durable on return; thread-safe. Holds no personal data. */
public interface ExperimentStore {
    /** Stores a new experiment. {@return false, storing nothing, when its id is taken} */
    boolean create(Experiment experiment);

    Optional<Experiment> get(ExperimentId id);

    /** {@return every experiment, by id} */
    List<Experiment> list();

    /**
     * Replaces a stored experiment (used to stop it).
     *
     * @throws IllegalArgumentException when no experiment has its id
     */
    void update(Experiment experiment);
}
