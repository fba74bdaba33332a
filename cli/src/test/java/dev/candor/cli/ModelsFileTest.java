package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.engine.EngineConfig;
import dev.candor.eval.Tuner;
import dev.candor.recommend.source.IalsModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The models file: what is written reads back as the same settings, and anything else is refused with the reason. */
class ModelsFileTest {
    @TempDir
    Path dir;

    private static final ModelsFile.Provenance ON = new ModelsFile.Provenance("ratings.csv", 610, 9724, 4.0, 42);

    private static Tuner.Tuned chosen() {
        EngineConfig.Collaborative cf = EngineConfig.Collaborative.defaults().with(75.5, 0.25,
                new IalsModel.Params(32, 12, 5.0, 0.02, 1.0, 7),
                Map.of("ease", 1.0, "ials", 1.5, "popular", 0.05, "content", 0.0, "community", 0.2, "category", 0.05));
        return new Tuner.Tuned(cf, 200, 10, Map.of());
    }

    @Test
    void whatIsWritten_readsBackAsTheSameModelsAndWeights_overTheServingDefaults() throws Exception {
        Path file = dir.resolve("models.json");
        ModelsFile.write(file, chosen(), ON, Instant.parse("2026-12-03T12:00:00Z"));

        EngineConfig.Collaborative read = ModelsFile.read(file);
        EngineConfig.Collaborative want = chosen().cf();
        assertThat(read.easeLambda()).isEqualTo(want.easeLambda());
        assertThat(read.easeDropout()).isEqualTo(want.easeDropout());
        assertThat(read.ials()).isEqualTo(want.ials());
        assertThat(read.fullWeights()).isEqualTo(want.fullWeights());
        EngineConfig.Collaborative d = EngineConfig.Collaborative.defaults();
        assertThat(read.easeMaxItems()).isEqualTo(d.easeMaxItems());
        assertThat(read.easeNeighbours()).isEqualTo(d.easeNeighbours());
        assertThat(read.refitInterval()).isEqualTo(d.refitInterval());
        assertThat(Files.readString(file)).contains("\"format\" : \"candor-models-v1\"", "\"data\" : \"ratings.csv\"", "2026-12-03T12:00:00Z");
    }

    @Test
    void aFileThatIsNotExactlyAModelsFile_isRefusedSayingWhy() throws Exception {
        String good = ModelsFile.text(chosen(), ON, Instant.EPOCH);
        assertRefused(good.replace("candor-models-v1", "candor-models-v2"), "format must be \"candor-models-v1\"");
        assertRefused(good.replace("\"dropout\"", "\"drop_out\""), "unknown key in ease; known keys: dropout, lambda");
        assertRefused(good.replace("\"weights\"", "\"wieghts\""), "unknown key in the file; known keys: chosen_at, chosen_on, ease, "
                + "format, ials, weights");
        assertRefused(good.replace("\"lambda\" : 75.5", "\"lambda\" : \"75.5\""), "ease.lambda must be a number");
        assertRefused(good.replace("\"lambda\" : 75.5", "\"lambda\" : 0"), "ease.lambda must be above 0");
        assertRefused(good.replace("\"ials\" : 1.5", "\"ials\" : 1e9"), "weights.ials must be at least 0 and at most 1000000");
        assertRefused(good.replace("\"dropout\" : 0.25", "\"dropout\" : 1.0"), "ease.dropout must be below 1");
        assertRefused(good.replace("\"factors\" : 32", "\"factors\" : 32.5"), "ials.factors must be a whole number");
        assertRefused(good.replace("\"factors\" : 32", "\"factors\" : 100000"), "ials.factors must be between 1 and 1024");
        assertRefused(good.replace("\"ials\" : 1.5", "\"ials\" : -1"), "weights.ials must be at least 0");
        assertRefused(good.replace("\"content\" : 0.0", "\"<script>\" : 1.0"), "weights names an unknown source; known sources: category, "
                + "community, content, ease, ials, popular");
        assertRefused(good.substring(0, good.length() / 2), "not JSON");
        assertRefused("[1, 2]", "not a JSON object");
        assertRefused("{\"format\": \"candor-models-v1\", \"ease\": {\"lambda\": 1, \"dropout\": 0}, \"ials\": {\"factors\": 8, "
                + "\"iterations\": 1, \"alpha\": 1, \"lambda\": 1, \"nu\": 0, \"seed\": 1}, \"weights\": {\"ease\": 0}}",
                "weights must give at least one source a weight above 0");
    }

    @Test
    void aMissingOrHugeFile_isRefusedBeforeItIsParsed() throws Exception {
        assertThatThrownBy(() -> ModelsFile.read(dir.resolve("absent.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such models file");
        Path huge = dir.resolve("huge.json");
        Files.writeString(huge, " ".repeat((int) ModelsFile.MAX_BYTES + 1));
        assertThatThrownBy(() -> ModelsFile.read(huge))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is larger than 65536 bytes");
    }

    private void assertRefused(String text, String reason) throws Exception {
        Path file = Files.createTempFile(dir, "models", ".json");
        Files.writeString(file, text);
        assertThatThrownBy(() -> ModelsFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("models file " + file + ": " + reason);
    }
}
