package dev.candor.cli;

import dev.candor.audit.AuditLog;
import dev.candor.server.Json;
import dev.candor.server.Logging;
import dev.candor.server.api.AuditApi;
import dev.candor.store.Storage;
import dev.candor.store.sql.Storages;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code candor audit}: check the audit log's hash chain. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with the tamper-evident audit log.",
        subcommands = {AuditCommand.Verify.class})
public final class AuditCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Walk the whole hash chain: any edited, deleted, inserted or reordered entry is reported.",
                    "Prints {\"valid\": …} as JSON; exits 0 when valid, 1 when not."})
    static final class Verify implements Callable<Integer> {
        @Mixin
        StorageOptions storage;

        @Override
        public Integer call() throws Exception {
            Logging.configure(storage.data(), true);
            try (Storage s = Storages.open(storage.jdbcUrl(), storage.data())) {
                AuditLog.Verification v = new AuditLog(s.audit(), InstantSource.system(),
                        dev.candor.server.Launcher.auditKey(storage.data())).verify();
                System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(AuditApi.verification(v)));
                return v.valid() ? 0 : 1;
            }
        }
    }
}
