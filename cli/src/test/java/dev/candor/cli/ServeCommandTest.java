package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code candor serve --cors-origin}: documented, and a wildcard or malformed origin is refused before anything starts. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void corsOrigin_isDocumented_andMustBeAnExactOrigin() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = System.out;
        PrintStream e = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            var help = CandorCommand.commandLine();
            assertThat(help.execute("serve", "--help")).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("--cors-origin");
            var cl = CandorCommand.commandLine();
            cl.setErr(new java.io.PrintWriter(System.err, true));
            int code = cl.execute("serve", "--data", dir.resolve("d").toString(), "--port", "0", "--cors-origin", "*");
            assertThat(code).isNotZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("CORS origin must be scheme://host[:port]");
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }
}
