package dev.candor.ingest.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Streams the interactions of a file: each good row to a sink, each bad row (with its line number
 * and the reason, never its content — it may hold a raw user id) to another. Reads UTF-8; invalid
 * byte sequences make that row bad, not the file.
 */
public final class InteractionReader {
    /** The longest id accepted from a file, as in the API. */
    public static final int MAX_ID = 256;

    /**
     * How to read a file.
     *
     * @param format    the format
     * @param delimiter the column delimiter (delimited files; MovieLens formats fix their own)
     * @param header    whether the first line is a header to skip (delimited files)
     * @param columns   which column holds what (delimited files)
     */
    public record Options(InteractionFormat format, char delimiter, boolean header, ColumnMapping columns) {
        public Options {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(columns, "columns");
            if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
                throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
            }
        }

        public static Options of(InteractionFormat format) {
            return switch (format) {
                case MOVIELENS_100K -> new Options(format, '\t', false, ColumnMapping.DEFAULT);
                case MOVIELENS_CSV -> new Options(format, ',', true, ColumnMapping.DEFAULT);
                case DELIMITED -> new Options(format, ',', false, ColumnMapping.DEFAULT);
                case JSONL -> new Options(format, ',', false, ColumnMapping.DEFAULT);
            };
        }

        public Options withDelimiter(char d) {
            return new Options(format, d, header, columns);
        }

        public Options withHeader(boolean h) {
            return new Options(format, delimiter, h, columns);
        }

        public Options withColumns(ColumnMapping c) {
            return new Options(format, delimiter, header, c);
        }
    }

    /** Parses a delimiter name: {@code tab}, {@code comma}, {@code semicolon}, {@code pipe}, {@code space} or one character. */
    public static char delimiter(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "tab", "\\t" -> '\t';
            case "comma", "," -> ',';
            case "semicolon", ";" -> ';';
            case "pipe", "|" -> '|';
            case "space", " " -> ' ';
            default -> {
                if (name.length() != 1) {
                    throw new IllegalArgumentException("delimiter must be tab, comma, semicolon, pipe, space or a single character");
                }
                yield name.charAt(0);
            }
        };
    }

    private InteractionReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @param progress called now and then with the bytes read so far (may be a no-op)
     * @return the number of lines read (including header and bad rows)
     */
    public static long read(Path file, Options options, Consumer<Interaction> rows, Consumer<RowProblem> problems,
                            LongConsumer progress) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             CountingStream counting = new CountingStream(raw);
             BufferedReader in = new BufferedReader(new InputStreamReader(counting, StandardCharsets.ISO_8859_1), 1 << 16)) {
            // Lines are read as bytes (Latin-1 maps them 1:1) and decoded as UTF-8 per line, so one bad
            // byte sequence spoils one row only.
            long line = 0;
            boolean skipHeader = options.header() || options.format() == InteractionFormat.MOVIELENS_CSV;
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            for (String bytes; (bytes = in.readLine()) != null; ) {
                line++;
                if ((line & 0x3ff) == 0) {
                    progress.accept(counting.count);
                }
                if (line == 1 && skipHeader) {
                    continue;
                }
                String text;
                try {
                    text = decoder.decode(java.nio.ByteBuffer.wrap(bytes.getBytes(StandardCharsets.ISO_8859_1))).toString();
                } catch (CharacterCodingException e) {
                    problems.accept(new RowProblem(line, "not valid UTF-8"));
                    continue;
                }
                if (text.isBlank()) {
                    continue;
                }
                try {
                    rows.accept(parse(text, line, options));
                } catch (BadRow e) {
                    problems.accept(new RowProblem(line, e.getMessage()));
                }
            }
            progress.accept(counting.count);
            return line;
        }
    }

    static Interaction parse(String text, long line, Options o) throws BadRow {
        return switch (o.format()) {
            case MOVIELENS_100K -> fromColumns(split(text, '\t'), ColumnMapping.DEFAULT, line, false);
            case MOVIELENS_CSV -> fromColumns(split(text, ','), ColumnMapping.DEFAULT, line, false);
            case DELIMITED -> fromColumns(split(text, o.delimiter()), o.columns(), line, true);
            case JSONL -> fromJson(text, line);
        };
    }

    private static Interaction fromColumns(List<String> cols, ColumnMapping m, long line, boolean lenientWidth) throws BadRow {
        if (cols.size() < m.required()) {
            throw new BadRow("expected at least " + m.required() + " columns, found " + cols.size());
        }
        if (!lenientWidth && cols.size() != m.width()) {
            throw new BadRow("expected " + m.width() + " columns, found " + cols.size());
        }
        String user = id(cols.get(m.user()), "user");
        String item = id(cols.get(m.item()), "item");
        OptionalDouble value = m.value() < 0 ? OptionalDouble.empty() : OptionalDouble.of(number(cols.get(m.value()), "value"));
        Optional<Instant> ts = m.timestamp() < 0 ? Optional.empty() : Optional.of(timestamp(cols.get(m.timestamp())));
        return new Interaction(user, item, value, ts, line);
    }

    private static Interaction fromJson(String text, long line) throws BadRow {
        java.util.Map<String, Object> obj = FlatJson.parseObject(text);
        for (String k : obj.keySet()) {
            if (!List.of("user", "item", "value", "timestamp", "type").contains(k)) {
                throw new BadRow("unknown field '" + FlatJson.safe(k) + "'");
            }
        }
        String user = id(stringOrNumber(obj.get("user"), "user"), "user");
        String item = id(stringOrNumber(obj.get("item"), "item"), "item");
        OptionalDouble value = OptionalDouble.empty();
        Object v = obj.get("value");
        if (v != null) {
            if (!(v instanceof Double d) || !Double.isFinite(d)) {
                throw new BadRow("value must be a finite number");
            }
            value = OptionalDouble.of(d);
        }
        Optional<Instant> ts = Optional.empty();
        Object t = obj.get("timestamp");
        if (t != null) {
            ts = Optional.of(t instanceof Double d ? epoch(d) : timestamp(t.toString()));
        }
        return new Interaction(user, item, value, ts, line);
    }

    private static String stringOrNumber(Object o, String field) throws BadRow {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        throw new BadRow(o == null ? field + " is missing" : field + " must be a string or an integer");
    }

    private static String id(String s, String field) throws BadRow {
        String v = s.strip();
        if (v.isEmpty()) {
            throw new BadRow(field + " is empty");
        }
        if (v.length() > MAX_ID) {
            throw new BadRow(field + " is longer than " + MAX_ID + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                throw new BadRow(field + " contains control characters");
            }
        }
        return v;
    }

    private static double number(String s, String field) throws BadRow {
        try {
            double d = Double.parseDouble(s.strip());
            if (!Double.isFinite(d)) {
                throw new BadRow(field + " must be a finite number");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadRow(field + " is not a number");
        }
    }

    /** Epoch seconds (or milliseconds when above 10^11), ISO-8601 instant, local date-time or date (as UTC). */
    static Instant timestamp(String raw) throws BadRow {
        String s = raw.strip();
        if (s.isEmpty()) {
            throw new BadRow("timestamp is empty");
        }
        if (s.matches("-?\\d+(\\.\\d+)?")) {
            return epoch(number(s, "timestamp"));
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRow("timestamp is neither epoch seconds, epoch milliseconds nor an ISO-8601 date or time");
        }
    }

    private static Instant epoch(double v) throws BadRow {
        if (!Double.isFinite(v) || Math.abs(v) > 1e14) {
            throw new BadRow("timestamp is out of range");
        }
        double millis = Math.abs(v) >= 1e11 ? v : v * 1000;
        return Instant.ofEpochMilli((long) millis);
    }

    /** Splits one line on {@code d}, honouring double quotes ({@code ""} inside quotes is a quote). */
    static List<String> split(String line, char d) throws BadRow {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.isEmpty()) {
                quoted = true;
            } else if (c == d) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new BadRow("a quoted field is not closed");
        }
        out.add(cur.toString());
        return out;
    }

    /** A row that cannot be read; the message never quotes the row. */
    static final class BadRow extends Exception {
        BadRow(String message) {
            super(message, null, false, false);
        }
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
