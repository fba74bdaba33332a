package dev.candor.server.browser;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A headless Debian Chromium driven by Playwright for Java, for tests of the web UI and of the
 * on-device module. The browser is the system one ({@code /usr/bin/chromium}, or
 * {@code $CANDOR_CHROMIUM}); Playwright never downloads one. Without Chromium the test is skipped
 * with a visible message, except with {@code CI=true}, where it fails ({@code .ci/run} installs it).
 *
 * <p>Not thread-safe: one per test class. Close it to stop the browser.
 */
public final class Browser implements AutoCloseable {
    /** The flags a root process on this machine's closed network needs (see docs/architecture.md). */
    static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** {@return the Chromium executable to drive} */
    public static Path executable() {
        String env = System.getenv("CANDOR_CHROMIUM");
        return Paths.get(env == null || env.isBlank() ? "/usr/bin/chromium" : env);
    }

    /** Launches Chromium, or skips (fails under CI) when it is not installed. */
    public static Browser launch() {
        Path exe = executable();
        if (!Files.isExecutable(exe)) {
            String msg = "Chromium not found at " + exe + " (apt-get install chromium, or set CANDOR_CHROMIUM)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(msg + "; with CI=true browser tests must run (.ci/run installs it)");
            }
            System.err.println("SKIPPED: " + msg);
            Assumptions.abort(msg);
        }
        Playwright pw = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            return new Browser(pw, pw.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(exe).setHeadless(true).setArgs(ARGS)));
        } catch (RuntimeException e) {
            pw.close();
            throw e;
        }
    }

    /** {@return a new page in a fresh context (no cookies or storage shared with other pages)} */
    public Page newPage() {
        return browser.newContext().newPage();
    }

    /** {@return a new page in a fresh context with the given viewport, e.g. 375 × 740 for a phone} */
    public Page newPage(int width, int height) {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, height)).newPage();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
