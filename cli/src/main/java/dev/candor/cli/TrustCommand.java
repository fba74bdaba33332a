package dev.candor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.server.ApiError;
import dev.candor.server.Json;
import dev.candor.server.Launcher;
import dev.candor.server.Logging;
import dev.candor.server.api.TrustApi;
import dev.candor.trust.DimensionScore;
import dev.candor.trust.Finding;
import dev.candor.trust.SelfAssessmentInputs;
import dev.candor.trust.TrustAssessment;
import dev.candor.trust.TrustCalculator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code candor trust}: the trust calculator from the command line. */
@Command(name = "trust", mixinStandardHelpOptions = true,
        description = {"Score personalization practices 0-100 on nine dimensions, with findings that cite their evidence.",
                "assess scores questionnaire answers about any recommender; score assesses this Candor deployment."},
        subcommands = {TrustCommand.Questions.class, TrustCommand.Assess.class, TrustCommand.Score.class})
public final class TrustCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** How results are printed. */
    enum Format { JSON, TEXT }

    @Command(name = "questionnaire", mixinStandardHelpOptions = true,
            description = {"Print the questionnaire as JSON: each question's id, text and allowed answers.",
                    "Fill in {\"answers\": {\"<id>\": \"<answer>\", ...}} and pass it to candor trust assess --answers FILE."})
    static final class Questions implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(TrustApi.questionnaire()));
            return 0;
        }
    }

    @Command(name = "assess", mixinStandardHelpOptions = true,
            description = {"Score answers to the trust questionnaire (see candor trust questionnaire).",
                    "FILE is JSON: {\"answers\": {\"explanations\": \"all\", ...}} or just the answers object.",
                    "Unanswered questions earn nothing. Exits 2 when the file cannot be read or an answer is not allowed."})
    static final class Assess implements Callable<Integer> {
        @Option(names = "--answers", required = true, paramLabel = "FILE", description = "The questionnaire answers (JSON).")
        Path answers;

        @Option(names = "--format", defaultValue = "json", description = "json or text (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() throws Exception {
            Format f = format(format);
            JsonNode root;
            try {
                root = Json.MAPPER.readTree(Files.readString(answers));
            } catch (NoSuchFileException e) {
                System.err.println("candor trust assess: no such file: " + answers);
                return 2;
            } catch (JsonProcessingException e) {
                String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
                System.err.println("candor trust assess: " + answers + " is not valid JSON" + where);
                return 2;
            } catch (IOException e) {
                System.err.println("candor trust assess: cannot read " + answers + " (" + e.getClass().getSimpleName() + ")");
                return 2;
            }
            if (root == null || !root.isObject()) {
                System.err.println("candor trust assess: " + answers + " must hold a JSON object");
                return 2;
            }
            JsonNode node = root.has("answers") ? root.get("answers") : root;
            TrustAssessment a;
            try {
                a = TrustCalculator.assess(TrustApi.parseAnswers(node));
            } catch (ApiError e) {
                System.err.println("candor trust assess: " + (e.field() == null ? "" : e.field() + ": ") + e.getMessage());
                return 2;
            }
            print(System.out, a, f, Map.of());
            return 0;
        }
    }

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = {"Self-assess this deployment: its configuration (the same switches as candor serve) and the trust "
                    + "metrics stored in its database over the last --days days.",
                    "The same as GET /v1/trust/score on a server started with these options."})
    static final class Score implements Callable<Integer> {
        @Mixin
        StorageOptions storage;

        @Mixin
        EngineOptions engine;

        @Option(names = "--days", defaultValue = "7", description = "Days of live metrics to read, 1 to 30 (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--format", defaultValue = "json", description = "json or text (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() throws Exception {
            Format f = format(format);
            if (days < 1 || days > 30) {
                System.err.println("candor trust score: --days must be between 1 and 30");
                return 2;
            }
            Logging.configure(storage.data(), true);
            try (Launcher.Offline o = Launcher.Offline.open(storage.data(), storage.jdbcUrl(), engine.config())) {
                SelfAssessmentInputs in = o.engine().selfAssessmentInputs(Duration.ofDays(days));
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("assessed_at", o.engine().clock().instant().toString());
                extra.put("window_days", days);
                extra.put("inputs", TrustApi.inputs(in, o.engine()));
                print(System.out, TrustCalculator.selfAssess(in), f, extra);
            }
            return 0;
        }
    }

    private static Format format(String f) {
        return switch (f.toLowerCase(Locale.ROOT)) {
            case "json" -> Format.JSON;
            case "text" -> Format.TEXT;
            default -> throw new IllegalArgumentException("--format must be json or text");
        };
    }

    static void print(PrintStream out, TrustAssessment a, Format f, Map<String, Object> extra) throws IOException {
        if (f == Format.JSON) {
            Map<String, Object> m = new LinkedHashMap<>(TrustApi.assessment(a));
            m.putAll(extra);
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(m));
            return;
        }
        out.println("Trust score: " + a.overall() + " / 100");
        for (DimensionScore d : a.dimensions()) {
            out.printf(Locale.ROOT, "%n%-22s %3d%n", d.name(), d.score());
            for (Finding x : d.findings()) {
                out.println("  [" + x.status().wireName() + "] " + x.text());
                out.println("        evidence: " + x.evidence());
            }
        }
    }
}
