package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.server.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code candor evaluate --dp-epsilon}: DP variants on the same folds and a privacy–utility section in both reports. */
class EvaluateDpTest {
    @TempDir
    Path dir;

    /** 200 people in four tastes over 60 items, every row a positive (value 5). */
    private Path data() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder();
        for (int u = 0; u < 200; u++) {
            int taste = u % 4;
            for (int k = 0; k < 12; k++) {
                int item = rnd.nextDouble() < 0.8 ? taste * 15 + rnd.nextInt(15) : rnd.nextInt(60);
                sb.append("u").append(u).append('\t').append("m").append(item).append("\t5\n");
            }
        }
        Path f = dir.resolve("ratings.tsv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void dpEpsilon_addsTheCurveToTheJsonAndHtmlReports() throws Exception {
        Path f = data();
        Path json = dir.resolve("r.json");
        Path html = dir.resolve("r.html");
        String out = CliRun.expecting(0, "evaluate", "--data", f.toString(), "--format", "delimited", "--delimiter", "tab",
                "--columns", "user,item,value", "--folds", "2", "--algorithms", "ease,itemknn,popular", "--dp-epsilon", "1,8",
                "--out", json.toString(), "--html", html.toString());
        assertThat(out).contains("dp-ease@1").contains("dp-itemknn@8").contains("Privacy–utility");
        JsonNode r = Json.MAPPER.readTree(Files.readString(json));
        JsonNode ease = r.at("/privacy_utility/curves/ease");
        assertThat(ease).hasSize(3);
        assertThat(ease.get(0).get("epsilon").asDouble()).isEqualTo(1.0);
        assertThat(ease.get(2).get("epsilon").asText()).isEqualTo("inf");
        assertThat(ease.get(2).get("retained").asDouble()).isEqualTo(1.0);
        assertThat(ease.get(1).at("/recall@20/mean").asDouble()).isBetween(0.0, 1.0);
        assertThat(r.at("/privacy_utility/curves/itemknn")).hasSize(3);
        assertThat(r.at("/privacy_utility/curves/popular").isMissingNode()).as("popular has no DP variant").isTrue();
        assertThat(r.get("results").findValuesAsText("algorithm")).contains("ease", "itemknn", "popular", "dp-ease@1", "dp-ease@8",
                "dp-itemknn@1", "dp-itemknn@8");
        assertThat(Files.readString(html)).contains("Privacy–utility curve").contains("<svg").contains("retained");
    }

    @Test
    void dpEpsilon_refusesBadValuesAndAlgorithmsWithoutAVariant() throws Exception {
        Path f = data();
        CliRun.expecting(1, "evaluate", "--data", f.toString(), "--format", "delimited", "--delimiter", "tab", "--columns", "user,item,value",
                "--folds", "2", "--algorithms", "ease", "--dp-epsilon", "0");
        CliRun.expecting(1, "evaluate", "--data", f.toString(), "--format", "delimited", "--delimiter", "tab", "--columns", "user,item,value",
                "--folds", "2", "--algorithms", "ease", "--dp-epsilon", "lots");
        CliRun.expecting(2, "evaluate", "--data", f.toString(), "--format", "delimited", "--delimiter", "tab", "--columns", "user,item,value",
                "--folds", "2", "--algorithms", "popular", "--dp-epsilon", "1");
    }
}
