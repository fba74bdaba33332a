package dev.candor.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.candor.eval.algorithms.ItemKnnAlgorithm;
import dev.candor.eval.algorithms.PopularAlgorithm;
import dev.candor.ingest.file.InteractionFormat;
import dev.candor.ingest.file.InteractionReader;
import dev.candor.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accuracy per user segment: the groups' results recombine exactly into the whole evaluation's. */
class SegmentEvaluationTest {
    @TempDir
    Path dir;

    @Test
    void readMovieLens100k_ageBandsGenderOccupation_zipNeverKept() throws Exception {
        Path f = Files.writeString(dir.resolve("u.user"), "1|24|M|technician|85711\n2|53|F|other|94043\n3|17|M|student|55105\nbroken\n"
                + "4|x|F|writer|1\n5|56|F||02139\n");
        UserSegments s = UserSegments.readMovieLens100k(f);
        assertThat(s.attributes().get("age")).isEqualTo(Map.of("1", "18-24", "2", "50-55", "3", "under 18", "5", "56+"));
        assertThat(s.attributes().get("gender")).containsEntry("2", "female").containsEntry("3", "male");
        assertThat(s.attributes().get("occupation")).containsEntry("5", "unknown");
        assertThat(s.groups("age")).containsExactly("under 18", "18-24", "50-55", "56+");
        assertThat(s.attributes().toString()).doesNotContain("85711").doesNotContain("02139");
        assertThat(UserSegments.besides(dir.resolve("u.data"))).contains(f.toAbsolutePath());
        assertThat(UserSegments.ageBand(25)).isEqualTo("25-34");
        assertThat(UserSegments.ageBand(49)).isEqualTo("45-49");
    }

    @Test
    void ml100k_groupMeansWeightedByUsers_recombineIntoTheOverallMean_andTheReportShowsThem() throws Exception {
        Path data = SharedData.require("ml-100k/u.data");
        Dataset d = Dataset.load(data, InteractionReader.Options.of(InteractionFormat.MOVIELENS_100K), Optional.empty(), p -> { }, x -> { });
        UserSegments segments = UserSegments.readMovieLens100k(SharedData.require("ml-100k/u.user"));
        Protocol.Settings s = Protocol.Settings.strong(5, 42);
        List<Fold> folds = Protocol.split(d, s).subList(0, 2);
        Report r = Evaluator.run(d, s, folds, List.of(new PopularAlgorithm(), new ItemKnnAlgorithm(100, 10)), (w, done, total) -> { },
                Optional.of(segments));
        for (String attribute : List.of("age", "gender", "occupation")) {
            List<SegmentEvaluation.Result> groups = r.segments().stream().filter(g -> g.attribute().equals(attribute)).toList();
            assertThat(groups).as(attribute).isNotEmpty();
            for (Fold f : folds) {
                long evaluated = java.util.Arrays.stream(f.targets()).filter(t -> t.length > 0).count();
                assertThat(groups.stream().mapToInt(g -> g.users()[f.index()]).sum()).as(attribute).isEqualTo((int) evaluated);
                for (String algorithm : List.of("popular", "itemknn")) {
                    for (String metric : List.of("recall@20", "ndcg@10", "novelty@20")) {
                        double weighted = 0;
                        for (SegmentEvaluation.Result g : groups) {
                            double m = g.metrics().get(algorithm).get(metric)[f.index()];
                            weighted += g.users()[f.index()] == 0 ? 0 : g.users()[f.index()] * m;
                        }
                        assertThat(weighted / evaluated).as(attribute + " " + algorithm + " " + metric + " fold " + f.index())
                                .isCloseTo(r.result(algorithm).metrics().get(metric)[f.index()], within(1e-9));
                    }
                }
            }
        }
        assertThat(r.segments().stream().filter(g -> g.attribute().equals("gender")).map(SegmentEvaluation.Result::group))
                .containsExactly("female", "male");
        String json = r.toJson();
        assertThat(json).contains("\"segments\"").contains(Report.SEGMENT_NOTE).contains("\"attribute\": \"occupation\"")
                .contains("\"group\": \"25-34\"");
        assertThat(HtmlReport.render(r)).contains("Accuracy per user segment").contains("<h3>gender</h3>");
        // without segments the report is unchanged in shape
        assertThat(Evaluator.run(d, s, folds.subList(0, 1), List.of(new PopularAlgorithm()), (w, done, total) -> { }).toJson())
                .doesNotContain("\"segments\"");
    }
}
