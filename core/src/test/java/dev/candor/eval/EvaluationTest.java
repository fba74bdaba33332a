package dev.candor.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.eval.algorithms.EaseAlgorithm;
import dev.candor.eval.algorithms.ItemKnnAlgorithm;
import dev.candor.eval.algorithms.PopularAlgorithm;
import dev.candor.ingest.file.InteractionFormat;
import dev.candor.ingest.file.InteractionReader;
import dev.candor.testing.SharedData;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The harness end to end on ml-100k (skipped with a message when the data is absent). */
class EvaluationTest {
    @Test
    void ml100k_easeBeatsItemKnnBeatsPopular_likeTheLiterature_andTheReportHasItsShape() throws Exception {
        Dataset d = Dataset.load(SharedData.require("ml-100k/u.data"), InteractionReader.Options.of(InteractionFormat.MOVIELENS_100K),
                Optional.empty(), p -> { }, x -> { });
        Protocol.Settings s = Protocol.Settings.strong(5, 42);
        List<Fold> folds = Protocol.split(d, s).subList(0, 2);
        Report r = Evaluator.run(d, s, folds, List.of(new EaseAlgorithm(400), new ItemKnnAlgorithm(200, 10), new PopularAlgorithm()),
                (w, done, total) -> { });
        double ease = r.result("ease").mean("recall@20");
        double knn = r.result("itemknn").mean("recall@20");
        double pop = r.result("popular").mean("recall@20");
        assertThat(ease).isGreaterThan(knn * 1.1);
        assertThat(knn).isGreaterThan(pop * 1.1);
        assertThat(ease).isBetween(0.33, 0.48);
        assertThat(r.toJson()).contains("\"results\"").contains("\"recall@20\"").contains("\"mean\"").contains("\"std\"")
                .contains("\"folds\"").contains("\"timings\"").contains("\"dataset\"").contains("\"protocol\"");
        assertThat(HtmlReport.render(r)).contains("<svg").contains("recall@20");

        // each re-ranker moves its own metric
        Report rr = Evaluator.run(d, s, folds.subList(0, 1), List.of(new EaseAlgorithm(400),
                new dev.candor.eval.algorithms.RerankedAlgorithm(new EaseAlgorithm(400), dev.candor.eval.algorithms.RerankedAlgorithm.Kind.MMR, 0.5),
                new dev.candor.eval.algorithms.RerankedAlgorithm(new EaseAlgorithm(400),
                        dev.candor.eval.algorithms.RerankedAlgorithm.Kind.CALIBRATED, 0.9)), (w, done, total) -> { });
        assertThat(rr.result("ease+mmr").mean("diversity@20")).isGreaterThan(rr.result("ease").mean("diversity@20"));
        assertThat(rr.result("ease+calibrated").mean("miscalibration@20")).isLessThan(rr.result("ease").mean("miscalibration@20"));
    }
}
