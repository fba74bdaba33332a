package dev.candor.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import dev.candor.model.Scope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The operator console at {@code /} in Debian Chromium against the real, seeded server: signing in
 * (and refusing keys that cannot), charts that render the server's numbers, the audit log with
 * verification, differentially private queries spending the budget, and the layout checks at
 * phone width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
    static final List<String> VIEWS = List.of("overview", "experiments", "fairness", "analytics", "audit", "trust");

    private Browser browser;
    private UiFixture f;
    private final List<Page> pages = new ArrayList<>();

    @BeforeAll
    void start() {
        browser = Browser.launch();
        f = new UiFixture();
    }

    @AfterAll
    void stop() {
        if (f != null) {
            f.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void noCspViolations() {
        for (Page p : pages) {
            assertThat(UiChecks.cspViolations(p)).as("Content-Security-Policy violations").isEmpty();
            p.context().close();
        }
        pages.clear();
    }

    private Page page(int width, int height) {
        Page p = browser.newPage(width, height);
        UiChecks.watchCsp(p);
        pages.add(p);
        return p;
    }

    private Page signedIn(String key, int width, int height) {
        Page p = page(width, height);
        p.navigate(f.base() + "/");
        p.waitForSelector("#signin:not([hidden])");
        p.fill("#key", key);
        p.press("#key", "Enter");
        p.waitForSelector("#app:not([hidden])");
        return p;
    }

    private void show(Page p, String view) {
        p.click("#tabs a[href='#" + view + "']");
        p.waitForSelector("#view-" + view + ":not([hidden])");
        p.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    }

    @Test
    void signIn_overviewChartsRenderTheServersNumbers() {
        Page p = page(1280, 900);
        p.navigate(f.base() + "/");
        p.waitForSelector("#signin:not([hidden])");
        UiChecks.screenshot(p, "console-signin", false);
        p.fill("#key", f.server.adminKey);
        p.click("#signin-form button[type=submit]");
        p.waitForSelector("#events-by-type-chart");
        p.waitForFunction("() => window.Chart && Chart.getChart('ctr-chart')");

        JsonNode o = f.server.get("/v1/overview?days=14", f.server.adminKey).json();
        long events = 0;
        for (JsonNode b : o.get("buckets")) {
            events += b.get("events_total").asLong();
        }
        assertThat(events).isGreaterThan(500);
        // what each chart draws is what the API returned
        assertThat(((Number) p.evaluate("Chart.getChart('events-by-type-chart').data.datasets"
                + ".flatMap(d => d.data).reduce((a, b) => a + b, 0)")).longValue()).isEqualTo(events);
        assertThat(((Number) p.evaluate("Chart.getChart('recommendations-served-chart').data.datasets[0].data"
                + ".reduce((a, b) => a + (b || 0), 0)")).longValue()).isEqualTo(o.at("/totals/responses").asLong()).isPositive();
        assertThat(((Number) p.evaluate("Chart.getChart('ctr-chart').data.datasets[0].data.filter(x => x !== null).length"))
                .intValue()).isPositive();
        // the canvases are drawn on, not blank
        for (String id : List.of("events-by-type-chart", "recommendations-served-chart", "ctr-chart")) {
            assertThat((Boolean) p.evaluate("(() => { const c = document.getElementById('" + id + "');"
                    + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + "for (let i = 3; i < d.length; i += 4) if (d[i] > 0) return true; return false; })()")).as(id).isTrue();
        }
        // beside them, the trust metrics of the same periods
        p.waitForFunction("() => Chart.getChart('consent-rates-chart') && Chart.getChart('optouts-complaints-chart')");
        assertThat(((Number) p.evaluate("Chart.getChart('consent-rates-chart').data.datasets.length")).intValue()).isEqualTo(6);
        assertThat(((Number) p.evaluate("Chart.getChart('optouts-complaints-chart').data.datasets[0].data.filter(x => x > 0).length"))
                .intValue()).as("opt-outs drawn").isPositive();
        double optOutRate = o.at("/totals/trust/opt_out_rate").asDouble();
        assertThat(optOutRate).isPositive();
        assertThat(p.textContent("#trust-tiles")).contains(String.format(java.util.Locale.ROOT, "%.2f %%", optOutRate * 100))
                .contains("Complaint rate").contains("Consent to personalization");
        assertThat(p.textContent("#business-tiles")).contains("Recommendations served").contains(String.valueOf(o.at("/totals/responses").asLong()));
        UiChecks.screenshot(p, "console-overview", true);

        // the key stays in this tab's session storage only
        assertThat(p.evaluate("sessionStorage.getItem('candor.console.key')")).isEqualTo(f.server.adminKey);
        assertThat(p.evaluate("localStorage.length + document.cookie.length")).isEqualTo(0);
        p.reload();
        p.waitForSelector("#app:not([hidden])");
        p.click("#signout");
        p.waitForSelector("#signin:not([hidden])");
        assertThat(p.evaluate("sessionStorage.length")).isEqualTo(0);
    }

    @Test
    void keysThatCannotSignIn_areRefusedWithAReason_andOneTimeSignInRemembersNothing() {
        Page p = page(1280, 900);
        p.navigate(f.base() + "/");
        p.waitForSelector("#signin:not([hidden])");
        p.fill("#key", "cnd_not_a_key");
        p.press("#key", "Enter");
        p.waitForSelector("#key-error:has-text('not valid')");
        p.fill("#key", f.server.key(Scope.INGEST));
        p.press("#key", "Enter");
        p.waitForSelector("#key-error:has-text('neither the admin nor the analyst scope')");
        assertThat(p.isHidden("#app")).isTrue();

        p.uncheck("#remember");
        p.fill("#key", f.analystKey);
        p.press("#key", "Enter");
        p.waitForSelector("#app:not([hidden])");
        assertThat(p.evaluate("sessionStorage.length")).isEqualTo(0);
        p.reload();
        p.waitForSelector("#signin:not([hidden])");
    }

    @Test
    void linkWithKey_signsIn_andTakesTheKeyOutOfTheAddressBar() {
        Page p = page(1280, 900);
        p.navigate(f.base() + "/#key=" + f.server.adminKey);
        p.waitForSelector("#app:not([hidden])");
        assertThat(p.url()).doesNotContain(f.server.adminKey).endsWith("/#overview");
    }

    @Test
    void auditLog_listsNewestFirst_andVerifiesTheChain() {
        Page p = signedIn(f.analystKey, 1280, 900);
        show(p, "audit");
        p.waitForSelector("#verify-result .verify-ok");
        // the verification and the list are separate requests: wait for the list too
        p.waitForFunction("() => document.querySelectorAll('#audit-table tbody tr').length >= 50");
        JsonNode v = f.server.get("/v1/audit/verify", f.server.adminKey).json();
        assertThat(p.textContent("#verify-result")).contains("intact").contains(v.get("head").asText());
        List<String> seqs = p.locator("#audit-table tbody tr td:first-child").allTextContents();
        assertThat(seqs).hasSize(50);
        assertThat(Long.parseLong(seqs.getFirst())).isGreaterThan(Long.parseLong(seqs.getLast()));
        UiChecks.screenshot(p, "console-audit", false);
        p.click("#audit-earlier");
        p.waitForFunction("() => document.querySelectorAll('#audit-table tbody tr').length > 50");
        p.click("#verify");
        p.waitForSelector("#verify-result .verify-ok");
    }

    @Test
    void privateAnalytics_spendsTheBudget_andShowsNoisyCountsWithIntervals() {
        String key = f.server.key(Scope.ANALYST);
        Page p = signedIn(key, 1280, 900);
        show(p, "analytics");
        p.waitForSelector("#budget-remaining");
        assertThat(p.textContent("#budget-remaining")).isEqualTo("ε 10");
        p.fill("#dp-epsilon", "1");
        p.click("#dp-run");
        p.waitForSelector("#dp-run-1 canvas");
        p.waitForFunction("() => Chart.getChart('dp-run-1-chart')");
        assertThat(p.textContent("#budget-remaining")).isEqualTo("ε 9");
        assertThat(f.server.get("/v1/analytics/budget", key).json().get("remaining").asDouble()).isEqualTo(9.0);
        assertThat(p.locator("#dp-run-1 tbody tr").count()).isEqualTo(10);
        assertThat(p.locator("#dp-run-1 tbody tr").first().textContent()).contains("–");
        UiChecks.screenshot(p, "console-analytics", false);

        // asking for more than is left is refused, and the page says why
        p.fill("#dp-epsilon", "9.5");
        p.click("#dp-run");
        p.waitForSelector("#notice.warn");
        assertThat(p.textContent("#notice")).contains("Not answered");
        assertThat(p.textContent("#budget-remaining")).isEqualTo("ε 9");
    }

    @Test
    void experiments_showResultsWithIntervals_andFlagTheBreachedGuardrail() {
        Page p = signedIn(f.analystKey, 1280, 900);
        show(p, "experiments");
        p.waitForSelector("#exp-email-1");
        JsonNode email = f.server.get("/v1/experiments/email-1/results", f.server.adminKey).json();
        JsonNode home = f.server.get("/v1/experiments/home-1/results", f.server.adminKey).json();
        assertThat(email.get("breached").asBoolean()).isTrue();
        assertThat(home.get("breached").asBoolean()).isFalse();
        assertThat(p.textContent("#exp-email-1 .rec-head")).contains("guardrail breached");
        assertThat(p.textContent("#exp-email-1 .notice")).contains("“Not interested” in “pushy”");
        assertThat(p.locator("#exp-email-1 table.lift tr.breached").count()).isEqualTo(1);
        assertThat(p.textContent("#exp-home-1 .rec-head")).contains("guardrails hold");
        assertThat(p.locator("#exp-home-1 .notice").count()).isZero();
        p.waitForFunction("() => Chart.getChart('exp-home-1-business-chart') && Chart.getChart('exp-email-1-trust-chart')");
        double ctr = home.at("/variants/1/metrics/ctr/rate").asDouble();
        assertThat(((Number) p.evaluate("Chart.getChart('exp-home-1-business-chart').data.datasets[1].data[0]")).doubleValue())
                .isEqualTo(ctr);
        assertThat(p.locator("#exp-home-1 table.lift tbody tr").count()).as("7 metrics for the one treatment").isEqualTo(7);
        p.locator("#exp-email-1").scrollIntoViewIfNeeded();
        UiChecks.screenshot(p, "console-experiments", false);
    }

    @Test
    void fairness_showsCoverageConcentrationAndExposure() {
        Page p = signedIn(f.analystKey, 1280, 900);
        show(p, "fairness");
        p.waitForFunction("() => window.Chart && Chart.getChart('deciles-chart') && Chart.getChart('categories-chart')");
        JsonNode fr = f.server.get("/v1/fairness", f.server.adminKey).json();
        assertThat(p.textContent("#fairness-body .tiles")).contains(String.format(java.util.Locale.ROOT, "%.2f", fr.get("gini").asDouble()))
                .contains(Math.round(fr.get("catalog_coverage").asDouble() * 100) + " %");
        assertThat(((Number) p.evaluate("Chart.getChart('deciles-chart').data.labels.length")).intValue()).isEqualTo(10);
        assertThat(((Number) p.evaluate("Chart.getChart('categories-chart').data.datasets[0].data.reduce((a, b) => a + b, 0)"))
                .doubleValue()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        UiChecks.screenshot(p, "console-fairness", false);
    }

    @Test
    void trustCalculator_selfAssessment_andAnsweringTheQuestionnaire() {
        Page p = signedIn(f.analystKey, 1280, 900);
        show(p, "trust");
        p.waitForSelector("#self-overall");
        JsonNode self = f.server.get("/v1/trust/score", f.server.adminKey).json();
        assertThat(p.textContent("#self-overall")).isEqualTo(self.get("overall").asInt() + " / 100");
        assertThat(p.locator("#self .dimension").count()).isEqualTo(9);
        // the findings shown are the server's own sentences
        List<String> texts = new ArrayList<>();
        self.get("dimensions").forEach(d -> d.get("findings").forEach(x -> texts.add(x.get("text").asText())));
        assertThat(p.locator("#self .finding > span:nth-child(2)").allTextContents())
                .allSatisfy(t -> assertThat(texts.stream().anyMatch(t::startsWith)).as(t).isTrue());
        UiChecks.screenshot(p, "console-trust", false);

        // a questionnaire filled in by keyboard and mouse: the best answers, except two
        p.click("#assess-best");
        p.check("#q-explanations-none");
        p.focus("#q-consent_default-privacy_by_default");
        p.keyboard().press("ArrowDown"); // radio groups move with the arrow keys: to opt_out
        assertThat(p.isChecked("#q-consent_default-opt_out")).isTrue();
        p.click("#assess");
        p.waitForSelector("#assessed-overall");
        JsonNode expected = f.server.post("/v1/trust/assess", "{\"answers\":" + answers(p) + "}", f.server.adminKey).json();
        assertThat(p.textContent("#assessed-overall")).isEqualTo(expected.get("overall").asInt() + " / 100");
        assertThat(expected.get("overall").asInt()).isLessThan(100);
        assertThat(p.textContent("#assessed [data-dimension=transparency] h3")).isEqualTo("Transparency · "
                + expected.at("/dimensions/0/score").asInt());
        assertThat(p.textContent("#assessed [data-dimension=transparency]")).contains("Gap");
        assertThat(p.evaluate("document.activeElement.textContent")).asString().startsWith("Result for your answers");
        p.locator("#assess-result").scrollIntoViewIfNeeded();
        UiChecks.screenshot(p, "console-trust-questionnaire", false);
    }

    /** {@return the questionnaire answers checked on the page, as JSON} */
    private static String answers(Page p) {
        return (String) p.evaluate("JSON.stringify(Object.fromEntries([...document.querySelectorAll('#questionnaire input:checked')]"
                + ".map(i => [i.name, i.value])))");
    }

    @Test
    void phoneWidth_noHorizontalScroll_everyControlNamed_readableContrast_onEveryView() {
        Page p = signedIn(f.server.adminKey, 375, 740);
        for (String view : VIEWS) {
            show(p, view);
            if (view.equals("overview")) {
                UiChecks.screenshot(p, "console-phone", false);
            }
            p.locator("#view-" + view + " details").all().forEach(d -> d.locator("summary").first().click());
            assertThat(UiChecks.horizontalOverflow(p)).as("%s overflowing: %s", view, UiChecks.overflowing(p)).isLessThanOrEqualTo(0);
            assertThat(UiChecks.unnamedControls(p)).as(view).isEmpty();
            assertThat(UiChecks.lowContrast(p)).as(view).isEmpty();
        }
        Page desktop = signedIn(f.server.adminKey, 1280, 900);
        for (String view : VIEWS) {
            show(desktop, view);
            assertThat(UiChecks.unnamedControls(desktop)).as(view).isEmpty();
            assertThat(UiChecks.lowContrast(desktop)).as(view).isEmpty();
        }
        Page signIn = page(375, 740);
        signIn.navigate(f.base() + "/");
        signIn.waitForSelector("#signin:not([hidden])");
        assertThat(UiChecks.horizontalOverflow(signIn)).isLessThanOrEqualTo(0);
        assertThat(UiChecks.unnamedControls(signIn)).isEmpty();
        assertThat(UiChecks.lowContrast(signIn)).isEmpty();
    }
}
