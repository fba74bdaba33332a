package dev.candor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.engine.EngineConfig;
import dev.candor.eval.Tuner;
import dev.candor.recommend.PersonalizationPolicy;
import dev.candor.recommend.source.IalsModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The models file: the hyper-parameters and blend weights {@code candor evaluate --tune --write-models}
 * chose for a data set, which {@code candor serve --models} serves with. It holds the values only
 * (no data, no model weights, nothing about any person), as JSON a person can read and edit:
 *
 * <pre>{@code
 * {"format": "candor-models-v1",
 *  "chosen_at": "…", "chosen_on": {"data": "ratings.csv", "users": 610, …},
 *  "ease": {"lambda": 100.0, "dropout": 0.5},
 *  "ials": {"factors": 64, "iterations": 15, "alpha": 10.0, "lambda": 40.0, "nu": 0.0, "seed": 42},
 *  "weights": {"ease": 1.0, "ials": 2.0, "popular": 0.05, "content": 0.1, "community": 0.2, "category": 0.05}}
 * }</pre>
 *
 * Reading is strict: every value above must be there with its type and range, and an unknown key is
 * refused, so a typo cannot silently fall back to a default. {@code chosen_at} and {@code chosen_on}
 * record where the values come from and are not read.
 */
final class ModelsFile {
    static final String FORMAT = "candor-models-v1";
    /** Larger than any file this class writes by two orders of magnitude. */
    static final long MAX_BYTES = 64 * 1024;
    /** Sources a weight may name: those of level {@code full} ({@link PersonalizationPolicy#FULL_WEIGHTS}). */
    static final Set<String> SOURCES = new java.util.TreeSet<>(PersonalizationPolicy.FULL_WEIGHTS.keySet());
    static final int MAX_FACTORS = 1024;
    static final int MAX_ITERATIONS = 1000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelsFile() {
    }

    /** Where the values were chosen: shown in the file, never read back. */
    record Provenance(String data, int users, int items, double threshold, long seed) {
    }

    /** {@return the file's text for these chosen values} */
    static String text(Tuner.Tuned chosen, Provenance on, Instant at) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("chosen_at", at.toString());
        ObjectNode where = root.putObject("chosen_on");
        where.put("data", on.data());
        where.put("users", on.users());
        where.put("items", on.items());
        where.put("threshold", on.threshold());
        where.put("seed", on.seed());
        where.put("objective", "mean of recall@20 and ndcg@100 on a validation split of 20 % of these users (the blend weights: its mean over three such splits)");
        EngineConfig.Collaborative cf = chosen.cf();
        ObjectNode ease = root.putObject("ease");
        ease.put("lambda", cf.easeLambda());
        ease.put("dropout", cf.easeDropout());
        IalsModel.Params p = cf.ials();
        ObjectNode ials = root.putObject("ials");
        ials.put("factors", p.factors());
        ials.put("iterations", p.iterations());
        ials.put("alpha", p.alpha());
        ials.put("lambda", p.lambda());
        ials.put("nu", p.nu());
        ials.put("seed", p.seed());
        ObjectNode weights = root.putObject("weights");
        new TreeMap<>(cf.fullWeights()).forEach(weights::put);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the models file", e);
        }
    }

    static void write(Path file, Tuner.Tuned chosen, Provenance on, Instant at) throws IOException {
        Files.writeString(file, text(chosen, on, at));
    }

    /**
     * {@return the serving defaults with the file's models and weights} (EASE's size limit, its pruning
     * and the refit interval stay the defaults)
     *
     * @throws IllegalArgumentException naming the file and what is wrong in it
     */
    static EngineConfig.Collaborative read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such models file: " + file);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("models file " + file + " is larger than " + MAX_BYTES + " bytes");
            }
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("models file " + file + " cannot be read: " + e.getMessage());
        } catch (Invalid e) {
            throw new IllegalArgumentException("models file " + file + ": " + e.getMessage());
        }
    }

    /** A models file's text that is not one; the message says where. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    static EngineConfig.Collaborative parse(String text) throws Invalid {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Invalid("not JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("not a JSON object");
        }
        onlyKeys(root, "", Set.of("format", "chosen_at", "chosen_on", "ease", "ials", "weights"));
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual() || !format.asText().equals(FORMAT)) {
            throw new Invalid("format must be \"" + FORMAT + "\"");
        }
        JsonNode ease = object(root, "ease");
        onlyKeys(ease, "ease.", Set.of("lambda", "dropout"));
        double lambda = number(ease, "ease.", "lambda", 0, Double.MAX_VALUE, false);
        double dropout = number(ease, "ease.", "dropout", 0, 1, true);
        if (dropout >= 1) {
            throw new Invalid("ease.dropout must be below 1");
        }
        JsonNode ials = object(root, "ials");
        onlyKeys(ials, "ials.", Set.of("factors", "iterations", "alpha", "lambda", "nu", "seed"));
        IalsModel.Params p = new IalsModel.Params(integer(ials, "ials.", "factors", 1, MAX_FACTORS),
                integer(ials, "ials.", "iterations", 1, MAX_ITERATIONS), number(ials, "ials.", "alpha", 0, Double.MAX_VALUE, false),
                number(ials, "ials.", "lambda", 0, Double.MAX_VALUE, false), number(ials, "ials.", "nu", 0, 4, true),
                integer(ials, "ials.", "seed", Long.MIN_VALUE, Long.MAX_VALUE));
        JsonNode weights = object(root, "weights");
        Map<String, Double> w = new TreeMap<>();
        for (Iterator<String> names = weights.fieldNames(); names.hasNext(); ) {
            String source = names.next();
            if (!SOURCES.contains(source)) {
                throw new Invalid("weights names an unknown source; known sources: " + String.join(", ", SOURCES));
            }
            w.put(source, number(weights, "weights.", source, 0, 1e6, true));
        }
        if (w.values().stream().noneMatch(v -> v > 0)) {
            throw new Invalid("weights must give at least one source a weight above 0");
        }
        EngineConfig.Collaborative d = EngineConfig.Collaborative.defaults();
        return d.with(lambda, dropout, p, w);
    }

    private static JsonNode object(JsonNode parent, String key) throws Invalid {
        JsonNode n = parent.get(key);
        if (n == null || !n.isObject()) {
            throw new Invalid(key + " must be an object");
        }
        return n;
    }

    private static void onlyKeys(JsonNode n, String prefix, Set<String> known) throws Invalid {
        for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
            if (!known.contains(names.next())) {
                throw new Invalid("unknown key in " + (prefix.isEmpty() ? "the file" : prefix.substring(0, prefix.length() - 1))
                        + "; known keys: " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }

    /** A number in [low, high] ({@code lowInclusive}) or (low, high]. */
    private static double number(JsonNode parent, String prefix, String key, double low, double high, boolean lowInclusive) throws Invalid {
        JsonNode n = parent.get(key);
        if (n == null || !n.isNumber()) {
            throw new Invalid(prefix + key + " must be a number");
        }
        double v = n.asDouble();
        if (!(lowInclusive ? v >= low : v > low) || !(v <= high)) {
            throw new Invalid(prefix + key + " must be " + (lowInclusive ? "at least " : "above ") + plain(low)
                    + (high == Double.MAX_VALUE ? "" : " and at most " + plain(high)));
        }
        return v;
    }

    /** {@return a bound as a person writes it: 0, 1000000, 0.5} */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static int integer(JsonNode parent, String prefix, String key, int low, int high) throws Invalid {
        return (int) integer(parent, prefix, key, (long) low, high);
    }

    private static long integer(JsonNode parent, String prefix, String key, long low, long high) throws Invalid {
        JsonNode n = parent.get(key);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new Invalid(prefix + key + " must be a whole number");
        }
        long v = n.asLong();
        if (v < low || v > high) {
            throw new Invalid(prefix + key + " must be between " + low + " and " + high);
        }
        return v;
    }
}
