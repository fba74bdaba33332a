package dev.candor.ingest.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionReaderTest {
    @TempDir
    Path dir;

    @Test
    void split_honoursQuotesAndEscapedQuotes() throws Exception {
        assertThat(InteractionReader.split("1,\"Heat, the movie\",\"say \"\"hi\"\"\",", ',')).containsExactly("1", "Heat, the movie", "say \"hi\"", "");
        assertThatThrownBy(() -> InteractionReader.split("1,\"open", ',')).hasMessage("a quoted field is not closed");
    }

    @Test
    void timestamps_inEveryAcceptedForm() throws Exception {
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        assertThat(InteractionReader.timestamp("1714557600")).isEqualTo(t);
        assertThat(InteractionReader.timestamp("1714557600000")).isEqualTo(t);
        assertThat(InteractionReader.timestamp("2024-05-01T10:00:00Z")).isEqualTo(t);
        assertThat(InteractionReader.timestamp("2024-05-01 10:00:00")).isEqualTo(t);
        assertThat(InteractionReader.timestamp("2024-05-01")).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThatThrownBy(() -> InteractionReader.timestamp("1e20")).isInstanceOf(InteractionReader.BadRow.class);
    }

    @Test
    void flatJson_isStrict() throws Exception {
        assertThat(FlatJson.parseObject("{\"user\":\"a\\u00e9\\n\",\"value\":-1.5e2,\"ok\":true,\"x\":null}"))
                .containsEntry("user", "aé\n").containsEntry("value", -150.0).containsEntry("ok", true).containsEntry("x", null);
        for (String bad : List.of("{\"a\":1,\"a\":2}", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":1} x", "{\"a\":[1]}", "{\"a\":\"\u0001\"}", "{\"a\"")) {
            assertThatThrownBy(() -> FlatJson.parseObject(bad)).as(bad).isInstanceOf(InteractionReader.BadRow.class);
        }
    }

    @Test
    void invalidUtf8_spoilsOneRowOnly_andMessagesNeverQuoteTheRow() throws Exception {
        Path f = dir.resolve("x.csv");
        byte[] good = "secret-user-1,i1,4\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'s', 'e', 'c', (byte) 0xC3, (byte) 0x28, ',', 'i', '2', '\n'};
        byte[] tail = "secret-user-2,i3,notanumber\nsecret-user-3,i4,5\n".getBytes(StandardCharsets.UTF_8);
        Files.write(f, concat(good, bad, tail));
        List<Interaction> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        InteractionReader.read(f, InteractionReader.Options.of(InteractionFormat.DELIMITED).withColumns(ColumnMapping.parse("user,item,value")),
                rows::add, problems::add, n -> { });
        assertThat(rows).extracting(Interaction::line).containsExactly(1L, 4L);
        assertThat(problems).extracting(RowProblem::toString).containsExactly("line 2: not valid UTF-8", "line 3: value is not a number");
        assertThat(problems.toString()).doesNotContain("secret");
    }

    @Test
    void columnMapping_rejectsMissingOrDuplicateColumns() {
        assertThat(ColumnMapping.parse("item,-,user").required()).isEqualTo(3);
        assertThatThrownBy(() -> ColumnMapping.parse("user,value")).hasMessageContaining("user and an item");
        assertThatThrownBy(() -> ColumnMapping.parse("user,item,user")).hasMessageContaining("twice");
        assertThatThrownBy(() -> ColumnMapping.parse("user,item,price")).hasMessageContaining("unknown column");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
