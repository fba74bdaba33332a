package dev.candor.server.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.server.ServerConfig;
import dev.candor.server.TestServer;
import dev.candor.server.TestServer.Reply;
import dev.candor.store.Storage;
import dev.candor.store.sql.Storages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SQLite data directory on a small tmpfs: when the disk fills, writes fail closed with 503 and a
 * clear code, nothing acknowledged is lost, and service resumes as soon as space is freed; a
 * read-only data directory stops the start with a message naming the database. Needs permission to mount (root, as on the CI machine); skipped with a
 * message otherwise.
 */
class DiskFaultTest {
    private Path mount;

    @BeforeEach
    void mountTmpfs() throws Exception {
        mount = Files.createTempDirectory("candor-disk");
        if (run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount.toString()) != 0) {
            System.err.println("SKIPPED: DiskFaultTest needs permission to mount a tmpfs (run as root)");
            Assumptions.abort("cannot mount a tmpfs here");
        }
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", "-l", mount.toString());
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private static String batch(int from, int n) {
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k < n; k++) {
            b.append(k == 0 ? "" : ",").append("{\"user\":\"disk-user\",\"item\":\"i").append(k % 10).append("\",\"type\":\"view\",\"value\":")
                    .append(from + k + 1).append(",\"session\":\"a-fairly-long-session-identifier-to-fill-the-disk-").append(k).append("\"}");
        }
        return b.append(']').toString();
    }

    @Test
    void aFullDisk_failsWritesWith503_losesNothingAcknowledged_recovers_andAReadOnlyDirectoryIsAClearStartError() throws Exception {
        Path ballast = Files.write(mount.resolve("ballast"), new byte[1024 * 1024]); // what the operator frees later
        Storage storage = Storages.open(java.util.Optional.empty(), mount);
        try (TestServer t = new TestServer(storage, ServerConfig.defaults())) {
            t.seedItems(10);
            t.grant("disk-user", "personalization", "behavioral");
            long acknowledged = 0;
            Reply r = null;
            for (int b = 0; b < 400; b++) {
                r = t.post("/v1/events", batch(b * 500, 500), t.adminKey);
                if (r.status() != 200) {
                    break;
                }
                acknowledged += 500;
            }
            assertThat(r.status()).as("the disk filled up: " + r.body()).isEqualTo(503);
            assertThat(r.code()).isEqualTo("UNAVAILABLE");
            assertThat(acknowledged).isPositive();
            assertThat(t.get("/v1/users/disk-user/recommendations", t.adminKey).status()).as("reads go on").isEqualTo(200);
            assertThat(storage.events().count()).as("everything acknowledged is there").isGreaterThanOrEqualTo(acknowledged);

            // the operator makes room; the next request succeeds without a restart
            Files.delete(ballast);
            Reply again = t.post("/v1/events", batch(0, 10), t.adminKey);
            assertThat(again.status()).as(again.body()).isEqualTo(200);

        }
    }
}
