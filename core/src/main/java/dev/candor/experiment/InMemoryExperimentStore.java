package dev.candor.experiment;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** An {@link ExperimentStore} in memory: for tests and for embedding without a database. Thread-safe. */
public final class InMemoryExperimentStore implements ExperimentStore {
    private final ConcurrentSkipListMap<ExperimentId, Experiment> experiments = new ConcurrentSkipListMap<>();

    @Override
    public boolean create(Experiment experiment) {
        return experiments.putIfAbsent(experiment.id(), experiment) == null;
    }

    @Override
    public Optional<Experiment> get(ExperimentId id) {
        return Optional.ofNullable(experiments.get(id));
    }

    @Override
    public List<Experiment> list() {
        return List.copyOf(experiments.values());
    }

    @Override
    public void update(Experiment experiment) {
        if (experiments.replace(experiment.id(), experiment) == null) {
            throw new IllegalArgumentException("no experiment has this id");
        }
    }
}
