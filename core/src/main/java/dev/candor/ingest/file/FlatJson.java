package dev.candor.ingest.file;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strict parser for one flat JSON object per line (JSONL rows): string, number, boolean and null
 * values; nested objects or arrays are rejected. Core has no JSON library; the rows are simple.
 * Errors never quote the input.
 */
final class FlatJson {
    private final String s;
    private int i;

    private FlatJson(String s) {
        this.s = s;
    }

    /** {@return the object's fields: String, Double, Boolean or null values; duplicate keys are an error} */
    static Map<String, Object> parseObject(String text) throws InteractionReader.BadRow {
        FlatJson p = new FlatJson(text);
        p.ws();
        p.expect('{');
        Map<String, Object> out = new LinkedHashMap<>();
        p.ws();
        if (p.peek() == '}') {
            p.i++;
        } else {
            while (true) {
                p.ws();
                String key = p.string();
                p.ws();
                p.expect(':');
                p.ws();
                Object value = p.value();
                if (out.containsKey(key)) {
                    throw new InteractionReader.BadRow("field '" + safe(key) + "' appears twice");
                }
                out.put(key, value);
                p.ws();
                char c = p.next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw new InteractionReader.BadRow("malformed JSON: expected ',' or '}' at column " + p.i);
                }
            }
        }
        p.ws();
        if (p.i != text.length()) {
            throw new InteractionReader.BadRow("malformed JSON: text after the object at column " + (p.i + 1));
        }
        return out;
    }

    /** {@return a field name fit for a message: short, printable} */
    static String safe(String key) {
        String k = key.length() > 32 ? key.substring(0, 32) + "…" : key;
        return k.replaceAll("[^A-Za-z0-9_.-]", "?");
    }

    private Object value() throws InteractionReader.BadRow {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            throw new InteractionReader.BadRow("nested objects and arrays are not supported in a row");
        }
        if (s.startsWith("true", i)) {
            i += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", i)) {
            i += 5;
            return Boolean.FALSE;
        }
        if (s.startsWith("null", i)) {
            i += 4;
            return null;
        }
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (start == i || i - start > 64) {
            throw new InteractionReader.BadRow("malformed JSON value at column " + (start + 1));
        }
        String num = s.substring(start, i);
        if (!num.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
            throw new InteractionReader.BadRow("malformed JSON number at column " + (start + 1));
        }
        return Double.parseDouble(num);
    }

    private String string() throws InteractionReader.BadRow {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw new InteractionReader.BadRow("malformed JSON: unterminated string");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw new InteractionReader.BadRow("malformed JSON: control character in a string");
            }
            if (c == '\\') {
                if (i >= s.length()) {
                    throw new InteractionReader.BadRow("malformed JSON: unterminated escape");
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw new InteractionReader.BadRow("malformed JSON: short unicode escape");
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw new InteractionReader.BadRow("malformed JSON: bad unicode escape");
                        }
                        i += 4;
                    }
                    default -> throw new InteractionReader.BadRow("malformed JSON: bad escape");
                }
            } else {
                b.append(c);
            }
        }
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private char peek() throws InteractionReader.BadRow {
        if (i >= s.length()) {
            throw new InteractionReader.BadRow("malformed JSON: unexpected end of line");
        }
        return s.charAt(i);
    }

    private char next() throws InteractionReader.BadRow {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) throws InteractionReader.BadRow {
        if (next() != c) {
            throw new InteractionReader.BadRow("malformed JSON: expected '" + c + "' at column " + i);
        }
    }
}
