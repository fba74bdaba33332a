package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code candor evaluate} on a delimited file a user brings: the same ratings as MovieLens's
 * ratings.csv, rewritten with another delimiter, a header, a different column order and a column to
 * skip, give exactly the same results once the columns are mapped; the threshold decides what is a positive.
 */
class EvaluateCommandTest {
    @TempDir
    Path dir;

    @Test
    void aDelimitedFileWithItsOwnColumnOrder_givesTheResultsOfTheSameRatingsAsMovieLensCsv() throws Exception {
        List<String> lines = Files.readAllLines(SharedData.require("ml-latest-small/ratings.csv")).subList(0, 20_001);
        Path csv = Files.createDirectories(dir.resolve("ml")).resolve("ratings.csv");
        Files.write(csv, lines);
        List<String> mine = new ArrayList<>();
        mine.add("when;what;note;stars;who");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            mine.add(f[3] + ";" + f[1] + ";n/a;" + f[2] + ";" + f[0]); // timestamp;item;skipped;value;user
        }
        Path txt = dir.resolve("mine.txt");
        Files.write(txt, mine);

        JsonNode reference = evaluate("--data", csv.toString(), "--format", "movielens-csv", "--threshold", "3.5");
        String[] delimited = {"--data", txt.toString(), "--format", "delimited", "--delimiter", "semicolon", "--header",
                "--columns", "timestamp,item,-,value,user", "--threshold", "3.5"};
        JsonNode mapped = evaluate(delimited);
        assertThat(mapped.get("dataset").get("interactions")).isEqualTo(reference.get("dataset").get("interactions"));
        assertThat(mapped.get("dataset").get("evaluated_users_per_fold")).isEqualTo(reference.get("dataset").get("evaluated_users_per_fold"));
        for (int a = 0; a < 2; a++) {
            for (String metric : List.of("recall@20", "ndcg@100", "coverage@20")) {
                assertThat(mapped.get("results").get(a).get("metrics").get(metric).get("folds"))
                        .isEqualTo(reference.get("results").get(a).get("metrics").get(metric).get("folds"));
            }
        }
        assertThat(reference.get("results").get(0).get("metrics").get("recall@20").get("mean").asDouble()).isGreaterThan(0.1);

        delimited[delimited.length - 1] = "5";
        JsonNode stricter = evaluate(delimited);
        assertThat(stricter.get("dataset").get("evaluated_users_per_fold").get(0).asInt())
                .isLessThan(reference.get("dataset").get("evaluated_users_per_fold").get(0).asInt());
    }

    private JsonNode evaluate(String... args) throws Exception {
        Path out = Files.createTempFile(dir, "report", ".json");
        List<String> all = new ArrayList<>(List.of("evaluate"));
        all.addAll(List.of(args));
        all.addAll(List.of("--folds", "2", "--algorithms", "ease,popular", "--out", out.toString()));
        String text = CliRun.expecting(0, all.toArray(new String[0]));
        assertThat(text).contains("ease").contains("popular");
        return new ObjectMapper().readTree(Files.readString(out));
    }
}
