package dev.candor.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who the users of an evaluation data set are, by attribute (age band, gender, occupation), so the
 * harness can report accuracy per segment: does the recommender serve some groups worse? For
 * auditing only — segments are never given to an algorithm or used as features, and Candor's
 * engine has no such attributes at all. Immutable.
 *
 * @param attributes attribute name → (data set user id → group)
 */
public record UserSegments(Map<String, Map<String, String>> attributes) {
    /** The age bands of the MovieLens 1M release, used for ml-100k's exact ages too. */
    public static final List<String> AGE_BANDS = List.of("under 18", "18-24", "25-34", "35-44", "45-49", "50-55", "56+");

    public UserSegments {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        attributes.forEach((a, m) -> copy.put(a, Map.copyOf(m)));
        attributes = java.util.Collections.unmodifiableMap(copy);
    }

    /** {@return the groups of {@code attribute}, sorted (age bands in age order)} */
    public List<String> groups(String attribute) {
        Map<String, String> m = attributes.getOrDefault(attribute, Map.of());
        if (attribute.equals("age")) {
            return AGE_BANDS.stream().filter(m::containsValue).toList();
        }
        return List.copyOf(new TreeSet<>(m.values()));
    }

    /** {@return the age band of an age in years} */
    public static String ageBand(int age) {
        if (age < 18) {
            return "under 18";
        }
        if (age < 25) {
            return "18-24";
        }
        if (age < 35) {
            return "25-34";
        }
        if (age < 45) {
            return "35-44";
        }
        if (age < 50) {
            return "45-49";
        }
        return age < 56 ? "50-55" : "56+";
    }

    /**
     * Reads ml-100k's {@code u.user} ({@code user id|age|gender|occupation|zip code}); the zip code
     * is never read into memory beyond the line. Lines that do not parse are skipped.
     */
    public static UserSegments readMovieLens100k(Path usersFile) throws IOException {
        Map<String, String> age = new LinkedHashMap<>();
        Map<String, String> gender = new LinkedHashMap<>();
        Map<String, String> occupation = new LinkedHashMap<>();
        for (String line : Files.readAllLines(usersFile, StandardCharsets.ISO_8859_1)) {
            String[] f = line.split("\\|", -1);
            if (f.length < 4) {
                continue;
            }
            try {
                age.put(f[0], ageBand(Integer.parseInt(f[1].strip())));
            } catch (NumberFormatException e) {
                continue;
            }
            gender.put(f[0], f[2].strip().equals("F") ? "female" : f[2].strip().equals("M") ? "male" : "unknown");
            occupation.put(f[0], f[3].strip().isEmpty() ? "unknown" : f[3].strip());
        }
        Map<String, Map<String, String>> a = new LinkedHashMap<>();
        a.put("age", age);
        a.put("gender", gender);
        a.put("occupation", occupation);
        return new UserSegments(a);
    }

    /** {@return ml-100k's {@code u.user} beside an interaction file, if there is one} */
    public static Optional<Path> besides(Path dataFile) {
        Path dir = dataFile.toAbsolutePath().getParent();
        Path users = dir == null ? null : dir.resolve("u.user");
        return users != null && Files.isRegularFile(users) ? Optional.of(users) : Optional.empty();
    }
}
