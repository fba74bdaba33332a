package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code candor user export|erase} on a data directory. */
class UserCommandTest {
    @TempDir
    Path dir;

    private String run(int exit, String... args) {
        return CliRun.expecting(exit, args);
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

    @Test
    void token_opensOnlyThatUsersData_andIsAudited() throws Exception {
        Path data = dir.resolve("t");
        Path events = dir.resolve("t.jsonl");
        Files.writeString(events, "{\"user\":\"uma\",\"item\":\"i1\"}\n");
        run(0, "import", events.toString(), "--grant", "personalization,behavioral", "--data", data.toString());
        String out = run(0, "user", "token", "uma", "--ttl", "60", "--base-url", "http://shop.example/", "--data", data.toString());
        String token = out.lines().filter(l -> l.startsWith("token:")).findFirst().orElseThrow().substring(6).strip();
        assertThat(out).contains("link:       http://shop.example/me#token=" + token).doesNotContain("uma");
        var tokens = dev.candor.server.Launcher.tokens(data);
        assertThat(tokens.verify(token)).contains(dev.candor.server.Launcher.pseudonymizer(data).subject("uma"));
        assertThat(run(0, "audit", "verify", "--data", data.toString())).contains("\"valid\" : true").contains("\"entries\" : ");
        assertThat(run(2, "user", "token", "uma", "--ttl", "7200", "--data", data.toString())).isEmpty();
    }
}
