package dev.candor.cli;

import dev.candor.model.Scope;
import dev.candor.server.auth.ApiKeys;
import dev.candor.store.ApiKey;
import dev.candor.store.Storage;
import dev.candor.store.sql.Storages;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code candor keys}: create, list and revoke API keys (works on the data directory directly). */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage API keys (stored hashed; a key is shown once).",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key and print it once.")
    static final class Create implements Callable<Integer> {
        @Mixin
        StorageOptions storage;

        @Option(names = "--scope", required = true, split = ",", paramLabel = "SCOPE",
                description = "ingest, recommend, admin or analyst; repeat or comma-separate for several.")
        List<Scope> scopes;

        @Option(names = "--label", defaultValue = "", description = "A note for operators.")
        String label;

        @Override
        public Integer call() {
            try (Storage s = Storages.open(storage.jdbcUrl(), storage.data())) {
                ApiKeys.Created k = new ApiKeys(s.apiKeys(), InstantSource.system()).auditTo(new dev.candor.audit.AuditLog(s.audit(), InstantSource.system())).create(Set.copyOf(EnumSet.copyOf(scopes)), label);
                System.out.println(k.secret());
                System.err.println("key id " + k.keyId() + " with scopes " + k.scopes() + " — shown only this once");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (ids, scopes, labels; never the keys).")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        StorageOptions storage;

        @Override
        public Integer call() {
            try (Storage s = Storages.open(storage.jdbcUrl(), storage.data())) {
                System.out.printf("%-18s %-28s %-8s %-24s %s%n", "KEY ID", "SCOPES", "ACTIVE", "CREATED", "LABEL");
                for (ApiKey k : s.apiKeys().list()) {
                    System.out.printf("%-18s %-28s %-8s %-24s %s%n", k.keyId(),
                            k.scopes().stream().map(Scope::wireName).sorted().toList(), k.active(), k.createdAt(), k.label());
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by id (takes effect in a running server within 30 s).")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        StorageOptions storage;

        @Parameters(paramLabel = "KEY_ID")
        String keyId;

        @Override
        public Integer call() {
            try (Storage s = Storages.open(storage.jdbcUrl(), storage.data())) {
                boolean revoked = new ApiKeys(s.apiKeys(), InstantSource.system()).auditTo(new dev.candor.audit.AuditLog(s.audit(), InstantSource.system())).revoke(keyId);
                System.out.println(revoked ? "revoked " + keyId : "no active key " + keyId);
                return revoked ? 0 : 1;
            }
        }
    }
}
