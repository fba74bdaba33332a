package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code candor user export|erase} on a data directory. */
class UserCommandTest {
    @TempDir
    Path dir;

    private String run(int exit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = CandorCommand.commandLine().execute(args);
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(code).as(text).isEqualTo(exit);
            return text;
        } finally {
            System.setOut(previous);
        }
    }

    @Test
    void exportThenEraseThenExportIsEmpty() throws Exception {
        Path data = dir.resolve("d");
        Path events = dir.resolve("e.jsonl");
        Files.writeString(events, "{\"user\":\"uma\",\"item\":\"i1\"}\n{\"user\":\"uma\",\"item\":\"i2\"}\n{\"user\":\"ned\",\"item\":\"i1\"}\n");
        run(0, "import", events.toString(), "--grant", "personalization,behavioral", "--data", data.toString());

        String export = run(0, "user", "export", "uma", "--data", data.toString());
        assertThat(export).contains("\"format\" : \"candor-export-v1\"").contains("\"item\" : \"i2\"");
        assertThat(run(2, "user", "erase", "uma", "--data", data.toString())).isEmpty();
        String receipt = run(0, "user", "erase", "uma", "--yes", "--data", data.toString());
        assertThat(receipt).contains("\"events\" : 2").contains("\"hash\"");
        assertThat(run(0, "user", "export", "uma", "--data", data.toString())).contains("\"events\" : [ ]");
        assertThat(run(0, "user", "export", "ned", "--data", data.toString())).contains("\"item\" : \"i1\"");
    }
}
