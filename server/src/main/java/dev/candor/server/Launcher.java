package dev.candor.server;

import dev.candor.engine.Engine;
import dev.candor.engine.EngineConfig;
import dev.candor.model.CandorException;
import dev.candor.privacy.HmacPseudonymizer;
import dev.candor.privacy.SecretFile;
import dev.candor.server.auth.ApiKeys;
import dev.candor.server.auth.EndUserTokens;
import dev.candor.store.Storage;
import dev.candor.store.sql.Storages;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole Candor process: opens the storage (SQLite in the data directory, or PostgreSQL), loads or
 * creates the pseudonymization key, builds the engine, makes sure an admin key exists, and starts
 * the HTTP server. Owns all of them; {@link #close()} stops them in reverse order.
 */
public final class Launcher implements AutoCloseable {
    /** The pseudonymization key's file in the data directory (mode 0600). */
    public static final String PSEUDONYM_KEY_FILE = "pseudonym.key";
    /** The master key wrapping each person's data key for encrypted fields (mode 0600). */
    public static final String MASTER_KEY_FILE = "master.key";
    /** The end-user token signing key's file in the data directory (mode 0600). */
    public static final String TOKEN_KEY_FILE = "token.key";
    /** The key signing the audit log's head, in the data directory (mode 0600), unless {@code CANDOR_AUDIT_KEY} is set. */
    public static final String AUDIT_KEY_FILE = "audit.key";

    private final Storage storage;
    private final Engine engine;
    private final ApiKeys keys;
    private final CandorServer server;
    private final Optional<ApiKeys.Created> generatedAdmin;
    private final Options options;

    /**
     * How to start.
     *
     * @param dataDir       the data directory (SQLite file, key files, logs)
     * @param jdbcUrl       a {@code jdbc:postgresql:} URL to use PostgreSQL instead of SQLite
     * @param server        HTTP settings
     * @param engine        engine settings
     * @param adminKey      a key to register as admin (from {@code CANDOR_ADMIN_KEY})
     * @param pseudonymKey  the pseudonymization key, base64 (from {@code CANDOR_PSEUDONYM_KEY}); else the key file
     */
    public record Options(Path dataDir, Optional<String> jdbcUrl, ServerConfig server, EngineConfig engine,
                          Optional<String> adminKey, Optional<String> pseudonymKey) {
        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(adminKey, "adminKey");
            Objects.requireNonNull(pseudonymKey, "pseudonymKey");
        }

        /** {@return these options with other engine settings} */
        public Options withEngine(EngineConfig e) {
            return new Options(dataDir, jdbcUrl, server, e, adminKey, pseudonymKey);
        }

        /** Options from the environment: {@code CANDOR_ADMIN_KEY}, {@code CANDOR_PSEUDONYM_KEY}. */
        public static Options fromEnvironment(Path dataDir, Optional<String> jdbcUrl, ServerConfig server) {
            return new Options(dataDir, jdbcUrl, server, EngineConfig.defaults(),
                    Optional.ofNullable(System.getenv("CANDOR_ADMIN_KEY")).filter(s -> !s.isBlank()),
                    Optional.ofNullable(System.getenv("CANDOR_PSEUDONYM_KEY")).filter(s -> !s.isBlank()));
        }
    }

    private Launcher(Options o) {
        this.options = o;
        try {
            Files.createDirectories(o.dataDir());
        } catch (java.io.IOException e) {
            throw new CandorException("cannot create the data directory " + o.dataDir(), e);
        }
        this.storage = Storages.open(o.jdbcUrl(), o.dataDir());
        try {
            Engine.Builder eb = Engine.builder().storage(storage).pseudonymizer(new HmacPseudonymizer(pseudonymKey(o)))
                    .masterKey(SecretFile.loadOrCreate(o.dataDir().resolve(MASTER_KEY_FILE), 32))
                    .auditKey(auditKey(o.dataDir())).config(o.engine());
            dev.candor.engine.CommunityPrivacy.fromEnvironment(System.getenv()).ifPresent(eb::communityPrivacy);
            this.engine = eb.build();
            this.keys = new ApiKeys(storage.apiKeys(), InstantSource.system()).auditTo(engine.audit());
            this.generatedAdmin = keys.bootstrapAdmin(o.adminKey());
            this.server = CandorServer.start(engine, o.server(), keys,
                    new EndUserTokens(SecretFile.loadOrCreate(o.dataDir().resolve(TOKEN_KEY_FILE), 32), InstantSource.system()));
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    private static byte[] pseudonymKey(Options o) {
        if (o.pseudonymKey().isPresent()) {
            try {
                byte[] k = Base64.getDecoder().decode(o.pseudonymKey().get().strip());
                if (k.length < 32) {
                    throw new CandorException("CANDOR_PSEUDONYM_KEY must decode to at least 32 bytes");
                }
                return k;
            } catch (IllegalArgumentException e) {
                throw new CandorException("CANDOR_PSEUDONYM_KEY is not valid base64", e);
            }
        }
        return SecretFile.loadOrCreate(o.dataDir().resolve(PSEUDONYM_KEY_FILE), 32);
    }

    /**
     * {@return the key signing the audit head: {@code CANDOR_AUDIT_KEY} (base64, ≥ 32 bytes; give every
     * node of a PostgreSQL deployment the same one), else the data directory's key file (created if absent)}
     */
    public static byte[] auditKey(Path dataDir) {
        String env = System.getenv("CANDOR_AUDIT_KEY");
        if (env != null && !env.isBlank()) {
            try {
                byte[] k = Base64.getDecoder().decode(env.strip());
                if (k.length < 32) {
                    throw new CandorException("CANDOR_AUDIT_KEY must decode to at least 32 bytes");
                }
                return k;
            } catch (IllegalArgumentException e) {
                throw new CandorException("CANDOR_AUDIT_KEY is not valid base64", e);
            }
        }
        return SecretFile.loadOrCreate(dataDir.resolve(AUDIT_KEY_FILE), 32);
    }

    /** {@return the pseudonymizer of a data directory: {@code CANDOR_PSEUDONYM_KEY}, else its key file (created if absent)} */
    public static HmacPseudonymizer pseudonymizer(Path dataDir) {
        return new HmacPseudonymizer(pseudonymKey(Options.fromEnvironment(dataDir, Optional.empty(), ServerConfig.defaults())));
    }

    /** {@return the end-user token issuer of a data directory, signing with its {@value #TOKEN_KEY_FILE} (created if absent)} */
    public static EndUserTokens tokens(Path dataDir) {
        return new EndUserTokens(SecretFile.loadOrCreate(dataDir.resolve(TOKEN_KEY_FILE), 32), InstantSource.system());
    }

    public static Launcher start(Options options) {
        return new Launcher(options);
    }

    /**
     * The storage and engine of a data directory without the HTTP server, for commands that work
     * offline ({@code import}, {@code user erase}, {@code audit verify}). Uses the same key and
     * database as {@code serve}; model retraining is left to the caller.
     */
    public record Offline(Storage storage, Engine engine) implements AutoCloseable {
        public static Offline open(Path dataDir, Optional<String> jdbcUrl) {
            return open(dataDir, jdbcUrl, EngineConfig.defaults());
        }

        /** As {@link #open(Path, Optional)}, with the engine settings a server would run with. */
        public static Offline open(Path dataDir, Optional<String> jdbcUrl, EngineConfig engineConfig) {
            Options o = Options.fromEnvironment(dataDir, jdbcUrl, ServerConfig.defaults()).withEngine(engineConfig);
            try {
                Files.createDirectories(dataDir);
            } catch (java.io.IOException e) {
                throw new CandorException("cannot create the data directory " + dataDir, e);
            }
            Storage storage = Storages.open(jdbcUrl, dataDir);
            try {
                Engine engine = Engine.builder().storage(storage).pseudonymizer(new HmacPseudonymizer(pseudonymKey(o)))
                        .masterKey(SecretFile.loadOrCreate(dataDir.resolve(MASTER_KEY_FILE), 32))
                        .auditKey(auditKey(dataDir))
                        .config(o.engine().withRetrainInterval(java.time.Duration.ZERO)).build();
                return new Offline(storage, engine);
            } catch (RuntimeException e) {
                storage.close();
                throw e;
            }
        }

        @Override
        public void close() {
            engine.close();
            storage.close();
        }
    }

    /** Prints where the server listens, and the admin key if one was generated now (shown once). */
    public void announce(PrintStream out) {
        out.println("Candor listening on http://" + options.server().host() + ":" + server.port()
                + " (storage: " + storage.description() + ")");
        generatedAdmin.ifPresent(k -> {
            out.println("A new admin API key was created. It is shown only this once; store it safely:");
            out.println("  " + k.secret());
        });
        out.flush();
    }

    public Engine engine() {
        return engine;
    }

    public ApiKeys keys() {
        return keys;
    }

    public CandorServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public Optional<ApiKeys.Created> generatedAdmin() {
        return generatedAdmin;
    }

    @Override
    public void close() {
        server.close();
        engine.close();
        storage.close();
    }
}
