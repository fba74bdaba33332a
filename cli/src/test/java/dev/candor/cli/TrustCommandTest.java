package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.server.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code candor trust questionnaire|assess|score}. */
class TrustCommandTest {
    @TempDir
    Path dir;

    /** Exit code, standard output and standard error of one run. */
    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = System.out;
        PrintStream e = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            var cl = CandorCommand.commandLine();
            cl.setErr(new java.io.PrintWriter(System.err, true));
            int code = cl.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }

    @Test
    void assess_answersFromTheQuestionnaire_scoreAndReportClearErrors() throws Exception {
        Run q = run("trust", "questionnaire");
        assertThat(q.exit()).isZero();
        JsonNode questions = Json.MAPPER.readTree(q.out()).get("questions");
        StringBuilder best = new StringBuilder("{\"answers\":{");
        for (JsonNode question : questions) {
            best.append(best.length() > 12 ? "," : "").append('"').append(question.get("id").asText()).append("\":\"")
                    .append(question.get("answers").get(0).get("value").asText()).append('"');
        }
        Path answers = Files.writeString(dir.resolve("answers.json"), best.append("}}").toString());
        Run a = run("trust", "assess", "--answers", answers.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(Json.MAPPER.readTree(a.out()).get("overall").asInt()).isEqualTo(100);
        assertThat(run("trust", "assess", "--answers", answers.toString(), "--format", "text").out())
                .startsWith("Trust score: 100 / 100").contains("Transparency").contains("evidence: ");
        // a flat object of answers is accepted too; unanswered questions earn nothing
        Path partial = Files.writeString(dir.resolve("partial.json"), "{\"explanations\":\"all\",\"consent_default\":\"opt_out\"}");
        JsonNode p = Json.MAPPER.readTree(run("trust", "assess", "--answers", partial.toString()).out());
        assertThat(p.get("overall").asInt()).isBetween(1, 30);

        Run missing = run("trust", "assess", "--answers", dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        Run broken = run("trust", "assess", "--answers", Files.writeString(dir.resolve("b.json"), "{\"answers\":").toString());
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains("is not valid JSON at line 1");
        Run wrong = run("trust", "assess", "--answers", Files.writeString(dir.resolve("w.json"), "{\"explanations\":\"always\"}").toString());
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("answers.explanations: answer must be one of [all, some, none]");
        Run unknown = run("trust", "assess", "--answers", Files.writeString(dir.resolve("u.json"), "{\"vibes\":\"good\"}").toString());
        assertThat(unknown.err()).contains("answers.vibes: no question has this id");
        assertThat(run("trust", "assess").exit()).isEqualTo(2); // --answers is required (picocli usage error)
        assertThat(run("trust", "--help").out()).contains("assess").contains("score").contains("questionnaire");
    }

    @Test
    void score_ofADataDirectory_movesWithTheSameSwitchesAsServe() throws Exception {
        String data = dir.resolve("d").toString();
        JsonNode base = Json.MAPPER.readTree(run("trust", "score", "--data", data).out());
        int overall = base.get("overall").asInt();
        assertThat(base.at("/inputs/explanations").asBoolean()).isTrue();
        assertThat(base.get("dimensions")).hasSize(9);
        for (String[] flag : new String[][] {{"--explanations", "off"}, {"--consent-default", "invasive"}, {"--retention", "none"}}) {
            Run r = run("trust", "score", "--data", data, flag[0], flag[1]);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(Json.MAPPER.readTree(r.out()).get("overall").asInt()).as(flag[0]).isLessThan(overall);
        }
        Run bad = run("trust", "score", "--data", data, "--explanations", "maybe");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("--explanations must be on or off");
        assertThat(run("trust", "score", "--data", data, "--days", "99").exit()).isEqualTo(2);
        assertThat(run("serve", "--help").out()).contains("--explanations").contains("--consent-default").contains("--retention");
    }
}
