package dev.candor.cli;

import dev.candor.model.SubjectId;
import dev.candor.privacy.ErasureReceipt;
import dev.candor.server.Json;
import dev.candor.server.Launcher;
import dev.candor.server.Logging;
import dev.candor.server.api.RightsApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code candor user}: a person's rights from the command line — export, erase, a preference-center token. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Export or erase what Candor holds about one user, or give them a token for their preference center.",
        subcommands = {UserCommand.Export.class, UserCommand.Erase.class, UserCommand.Token.class})
public final class UserCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write everything held about USER as JSON (the same document as GET /v1/users/{id}/export).")
    static final class Export implements Callable<Integer> {
        @Mixin
        StorageOptions storage;

        @Parameters(index = "0", paramLabel = "USER", description = "The user id as the host application knows it.")
        String user;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path out;

        @Override
        public Integer call() throws Exception {
            Logging.configure(storage.data(), true);
            try (Launcher.Offline o = Launcher.Offline.open(storage.data(), storage.jdbcUrl())) {
                SubjectId s = o.engine().pseudonymizer().subject(user);
                String json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(RightsApi.exportOf(o.engine(), s));
                if (out == null) {
                    System.out.println(json);
                } else {
                    Files.writeString(out, json + "\n");
                    System.err.println("export written to " + out);
                }
            }
            return 0;
        }
    }

    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = {"Erase USER: events, preferences, feedback, consent, and their influence on models; print the receipt.",
                    "Stop the server first, or use DELETE /v1/users/{id} on a running one: a running server keeps the user in memory."})
    static final class Erase implements Callable<Integer> {
        @Mixin
        StorageOptions storage;

        @Parameters(index = "0", paramLabel = "USER", description = "The user id as the host application knows it.")
        String user;

        @Option(names = "--yes", description = "Confirm: erasure cannot be undone.")
        boolean yes;

        @Override
        public Integer call() throws Exception {
            if (!yes) {
                System.err.println("candor user erase: this cannot be undone; add --yes to confirm");
                return 2;
            }
            Logging.configure(storage.data(), true);
            try (Launcher.Offline o = Launcher.Offline.open(storage.data(), storage.jdbcUrl())) {
                ErasureReceipt r = o.engine().erase(o.engine().pseudonymizer().subject(user));
                System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(RightsApi.receipt(r)));
            }
            return 0;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = {"Print a short-lived end-user token for USER and the preference-center link that carries it",
                    "(the same as POST /v1/users/{id}/token; a running server on the same data directory accepts it).",
                    "The token reaches only USER's own data, under /v1/me/...; the issue is recorded in the audit log."})
    static final class Token implements Callable<Integer> {
        @Mixin
        StorageOptions storage;

        @Parameters(index = "0", paramLabel = "USER", description = "The user id as the host application knows it.")
        String user;

        @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "900",
                description = "How long the token works, 1 to 3600 seconds (default: ${DEFAULT-VALUE}).")
        long ttlSeconds;

        @Option(names = "--base-url", paramLabel = "URL", defaultValue = "http://localhost:8080",
                description = "Where the server is reachable, for the printed link (default: ${DEFAULT-VALUE}).")
        String baseUrl;

        @Override
        public Integer call() {
            if (ttlSeconds < 1 || ttlSeconds > dev.candor.server.auth.EndUserTokens.MAX_TTL.toSeconds()) {
                System.err.println("candor user token: --ttl must be from 1 to " + dev.candor.server.auth.EndUserTokens.MAX_TTL.toSeconds()
                        + " seconds");
                return 2;
            }
            Logging.configure(storage.data(), true);
            SubjectId s = Launcher.pseudonymizer(storage.data()).subject(user);
            try (dev.candor.store.Storage store = dev.candor.store.sql.Storages.open(storage.jdbcUrl(), storage.data())) {
                new dev.candor.audit.AuditLog(store.audit(), java.time.InstantSource.system(), Launcher.auditKey(storage.data())).record("cli", "token.issue",
                        java.util.Optional.of(s), java.util.Map.of("ttl_seconds", Long.toString(ttlSeconds)));
            }
            var issued = Launcher.tokens(storage.data()).issue(s, java.time.Duration.ofSeconds(ttlSeconds));
            System.out.println("token:      " + issued.token());
            System.out.println("expires at: " + issued.expiresAt());
            System.out.println("link:       " + baseUrl.replaceAll("/+$", "") + "/me#token=" + issued.token());
            return 0;
        }
    }
}
