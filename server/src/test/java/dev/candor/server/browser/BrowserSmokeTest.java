package dev.candor.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.candor.server.TestServer;
import org.junit.jupiter.api.Test;

/** The browser support itself: Debian Chromium opens a page the real server serves. */
class BrowserSmokeTest {
    @Test
    void launch_systemChromium_rendersServedPage() {
        try (TestServer server = new TestServer(); Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            page.navigate(server.base() + "/");
            assertThat(page.title()).isEqualTo("Candor");
        }
    }
}
