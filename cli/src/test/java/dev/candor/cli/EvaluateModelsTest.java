package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.engine.EngineConfig;
import dev.candor.eval.Dataset;
import dev.candor.eval.Protocol;
import dev.candor.eval.Tuner;
import dev.candor.ingest.file.ColumnMapping;
import dev.candor.ingest.file.InteractionFormat;
import dev.candor.ingest.file.InteractionReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code candor evaluate --tune --write-models FILE} then {@code candor serve --models FILE}: the file
 * holds what the tuner chooses on all users of the data (not a fold's choice, not the defaults), and
 * serve runs with exactly those values.
 */
class EvaluateModelsTest {
    @TempDir
    Path dir;

    @Test
    void writeModels_holdsTheTunersChoiceOnAllUsers_andServeRunsWithIt() throws Exception {
        Path csv = ratings(dir.resolve("ratings.txt"));
        Path models = dir.resolve("models.json");
        String out = CliRun.expecting(0, "evaluate", "--data", csv.toString(), "--format", "delimited", "--delimiter", "comma",
                "--columns", "user,item,value,timestamp", "--folds", "2", "--algorithms", "popular", "--tune", "--write-models",
                models.toString());
        InteractionReader.Options options = InteractionReader.Options.of(InteractionFormat.DELIMITED).withDelimiter(',')
                .withColumns(ColumnMapping.parse("user,item,value,timestamp"));
        Dataset data = Dataset.load(csv, options, Optional.empty(), p -> { }, b -> { });
        dev.candor.eval.Fold whole = Protocol.whole(data, new Protocol.Settings(Protocol.Kind.STRONG, 4, 2, 42));
        assertThat(whole.targets()).isEmpty(); // nobody held out
        assertThat(out).contains("Choosing the values to serve on all " + whole.data().train().numUsers() + " users",
                "Models file: " + models, "candor serve --models " + models);
        Tuner.Tuned expected = Tuner.tune(whole, 42, l -> { });
        EngineConfig.Collaborative written = ModelsFile.read(models);
        assertThat(written.easeLambda()).isEqualTo(expected.cf().easeLambda());
        assertThat(written.easeDropout()).isEqualTo(expected.cf().easeDropout());
        assertThat(written.ials()).isEqualTo(expected.cf().ials());
        assertThat(written.fullWeights()).isEqualTo(expected.cf().fullWeights());
        assertThat(out).contains("Chosen on all users: " + expected.describe());

        var cl = CandorCommand.commandLine();
        cl.parseArgs("serve", "--data", dir.resolve("store").toString(), "--models", models.toString());
        ServeCommand serve = cl.getSubcommands().get("serve").getCommand();
        EngineConfig served = serve.engineConfig();
        assertThat(served.cf().easeLambda()).isEqualTo(expected.cf().easeLambda());
        assertThat(served.cf().ials()).isEqualTo(expected.cf().ials());
        assertThat(served.cf().fullWeights()).isEqualTo(expected.cf().fullWeights());
        assertThat(served.posture()).isEqualTo(EngineConfig.defaults().posture()); // the other switches stay as given
    }

    @Test
    void writeModelsWithoutTune_andServeWithABadModelsFile_stopBeforeAnythingRuns() throws Exception {
        Path csv = ratings(dir.resolve("r.txt"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            CliRun.expecting(2, "evaluate", "--data", csv.toString(), "--format", "delimited", "--write-models",
                    dir.resolve("m.json").toString());
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("--write-models writes what --tune chooses; add --tune");
            assertThat(dir.resolve("m.json")).doesNotExist();

            Path bad = Files.writeString(dir.resolve("bad.json"), "{\"format\": \"candor-models-v1\"}");
            var cl = CandorCommand.commandLine();
            cl.setErr(new java.io.PrintWriter(System.err, true));
            int code = cl.execute("serve", "--data", dir.resolve("store").toString(), "--port", "0", "--models", bad.toString());
            assertThat(code).isNotZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("models file " + bad + ": ease must be an object");
            assertThat(dir.resolve("store")).doesNotExist(); // refused before the store was created
        } finally {
            System.setErr(e);
        }
    }

    /** 240 users in two taste groups over 60 items, ratings 1–5: enough structure for every grid point to train. */
    private static Path ratings(Path file) throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        List<String> lines = new ArrayList<>();
        for (int u = 0; u < 240; u++) {
            int group = u % 2;
            for (int i = 0; i < 60; i++) {
                boolean mine = i % 2 == group;
                if (rnd.nextDouble() < (mine ? 0.35 : 0.08)) {
                    int stars = mine ? 3 + rnd.nextInt(3) : 1 + rnd.nextInt(4);
                    lines.add("u" + u + ",i" + i + "," + stars + "," + (1_000_000 + u * 100 + i));
                }
            }
        }
        return Files.write(file, lines);
    }
}
