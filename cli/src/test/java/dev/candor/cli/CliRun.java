package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in this JVM with standard output captured, and checks the exit code. */
final class CliRun {
    private CliRun() {
    }

    static String expecting(int exit, String... args) {
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
}
