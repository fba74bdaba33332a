package dev.candor.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** The page checks themselves catch what they look for (so a passing UI test means something). */
class UiChecksTest {
    @Test
    void checks_reportUnnamedControls_lowContrast_overflow_andCspViolations() {
        try (Browser browser = Browser.launch()) {
            Page p = browser.newPage(375, 600);
            p.setContent("<!doctype html><html><body style='margin:0;background:#fff'>"
                    + "<button id=named>Save</button><button id=unnamed></button><input type=checkbox role=switch>"
                    + "<p style='color:#aaa'>pale grey text</p><p style='color:#333'>dark text</p>"
                    + "<div style='width:600px'>too wide</div></body></html>");
            assertThat(UiChecks.unnamedControls(p)).hasSize(2);
            assertThat(UiChecks.lowContrast(p)).singleElement().asString().contains("pale grey text");
            assertThat(UiChecks.horizontalOverflow(p)).isEqualTo(600 - 375);

            p.setContent("<!doctype html><html><body><button>Save</button><p>fine</p></body></html>");
            assertThat(UiChecks.unnamedControls(p)).isEmpty();
            assertThat(UiChecks.lowContrast(p)).isEmpty();
            assertThat(UiChecks.horizontalOverflow(p)).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void cspWatch_recordsInlineScriptBlockedByThePolicy() {
        try (dev.candor.server.TestServer server = new dev.candor.server.TestServer(); Browser browser = Browser.launch()) {
            Page p = browser.newPage();
            UiChecks.watchCsp(p);
            p.navigate(server.base() + "/");
            assertThat(UiChecks.cspViolations(p)).isEmpty();
            p.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1'; document.body.append(s); }");
            p.evaluate("() => { const d = document.createElement('div'); d.setAttribute('style', 'color: red'); document.body.append(d); }");
            assertThat(p.evaluate("window.ran")).as("the policy blocked the inline script").isNull();
            p.waitForFunction("() => window.__cspViolations.length >= 2");
            assertThat(UiChecks.cspViolations(p)).anyMatch(v -> v.startsWith("script-src")).anyMatch(v -> v.startsWith("style-src"));
        }
    }
}
