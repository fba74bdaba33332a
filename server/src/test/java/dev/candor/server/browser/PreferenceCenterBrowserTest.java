package dev.candor.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.candor.server.Json;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The preference center at {@code /me} in Debian Chromium against the real server, seeded through
 * the API: a person reads why they see a recommendation, switches {@code behavioral} off and sees
 * the recommendations turn non-personal, removes an interest, says "that wasn't me", deletes an
 * event, downloads their data and erases their account; the token never stays in the address bar
 * and its expiry says so. Every check is made against what the API itself holds afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreferenceCenterBrowserTest {
    private Browser browser;
    private UiFixture f;
    private final List<Page> pages = new ArrayList<>();

    @BeforeAll
    void start() {
        browser = Browser.launch(); // skips (or fails under CI) before the fixture is built when Chromium is absent
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

    /** Opens the user's preference center as a host application would, and waits for it to load. */
    private Page open(String user, int width, int height) {
        Page p = page(width, height);
        p.navigate(f.base() + "/me#token=" + f.token(user, 600));
        p.waitForSelector("#app:not([hidden])");
        return p;
    }

    private JsonNode api(String path) {
        return f.server.get(path, f.server.adminKey).json();
    }

    @Test
    void reasons_areTheServersOwnWords_andOpenFromTheKeyboard() {
        Page p = open("maya", 1280, 900);
        assertThat(p.url()).as("the token is taken out of the address bar").doesNotContain("token").endsWith("/me");
        assertThat(p.evaluate("sessionStorage.length + localStorage.length + document.cookie.length")).isEqualTo(0);

        Locator recs = p.locator("#rec-list > li");
        assertThat(recs.count()).isEqualTo(8);
        assertThat(p.textContent("#recs-basis")).startsWith("Personal: based on");

        // keyboard only: Tab from the top of the page reaches the first "Why am I seeing this?", Enter opens it
        p.keyboard().press("Tab");
        assertThat(p.evaluate("document.activeElement.textContent")).isEqualTo("Skip to content");
        for (int i = 0; i < 20 && !"SUMMARY".equals(p.evaluate("document.activeElement.tagName")); i++) {
            p.keyboard().press("Tab");
        }
        assertThat(p.evaluate("document.activeElement.textContent")).isEqualTo("Why am I seeing this?");
        p.keyboard().press("Enter");
        Locator first = recs.first();
        assertThat(first.locator("details").getAttribute("open")).isNotNull();
        assertThat(first.locator(".reason-text").first().isVisible()).isTrue();
        UiChecks.screenshot(p, "me-why", false);

        // every sentence shown is a reason text the API returned for this user (nothing made up)
        JsonNode served = api("/v1/users/maya/recommendations?n=8");
        Set<String> texts = new HashSet<>();
        served.get("items").forEach(i -> i.get("reasons").forEach(r -> texts.add(r.get("text").asText())));
        List<String> shown = p.locator(".reason-text").allTextContents();
        assertThat(shown).isNotEmpty().allSatisfy(t -> assertThat(texts).contains(t));
        assertThat(p.locator(".rec-first-reason").allTextContents()).allSatisfy(t -> assertThat(texts).contains(t));
        assertThat(String.join(" ", shown)).contains("Because you");
        assertThat(p.locator("#rec-list .rec-title").allTextContents())
                .containsExactlyElementsOf(titles(served));
    }

    @Test
    void behavioralOff_recommendationsAndReasonsTurnNonPersonal() {
        Page p = open("sam", 1280, 900);
        assertThat(p.locator("#recs").getAttribute("data-personal")).isEqualTo("true");
        assertThat(String.join(" ", p.locator(".reason-text").allTextContents())).contains("Because you");

        p.focus("#purpose-behavioral");
        p.keyboard().press("Space"); // a switch is operable from the keyboard
        p.waitForSelector("#notice.ok");
        assertThat(p.textContent("#notice")).contains("Use what I do is now off");
        assertThat(p.evaluate("document.activeElement.id")).as("focus stays on the switch").isEqualTo("purpose-behavioral");

        assertThat(p.isChecked("#purpose-behavioral")).isFalse();
        assertThat(p.locator("#recs").getAttribute("data-personal")).isEqualTo("false");
        assertThat(p.textContent("#recs-basis")).startsWith("These are not personal");
        p.locator("#rec-list details").all().forEach(d -> d.locator("summary").click());
        List<String> reasons = p.locator(".reason-text").allTextContents();
        assertThat(reasons).isNotEmpty().noneMatch(t -> t.startsWith("Because you") || t.contains("your activity"));
        assertThat(p.locator(".reason").evaluateAll("els => els.map(e => e.dataset.kind)").toString())
                .doesNotContain("because_you_interacted");
        // the server holds the same: consent withdrawn, recommendations without behavioural data
        assertThat(api("/v1/users/sam/consent").at("/purposes/behavioral").asBoolean()).isFalse();
        assertThat(api("/v1/users/sam/recommendations").get("data_used").toString()).doesNotContain("behavioral");
    }

    @Test
    void removeInterest_andThatWasntMe_andDeleteOneEvent() {
        f.cook("rita");
        Page p = open("rita", 1280, 900);
        assertThat(p.locator("#interests [data-category=kitchen]").count()).isEqualTo(1);

        p.click("button[aria-label='Remove interest: kitchen']");
        p.waitForSelector("#notice.ok");
        assertThat(p.textContent("#notice")).contains("Removed “kitchen”");
        assertThat(p.locator("#interests [data-category=kitchen]").count()).isZero();
        assertThat(p.locator("#hidden-interests").textContent()).contains("kitchen");
        JsonNode profile = api("/v1/users/rita/profile");
        assertThat(profile.at("/preferences/hidden_interests").toString()).contains("kitchen");
        profile.get("interests").forEach(i -> assertThat(i.get("category").asText()).isNotEqualTo("kitchen"));

        // "that wasn't me" on the tent bought as a gift: it stops counting as an interest
        assertThat(p.locator("#interests [data-category=outdoors]").count()).isEqualTo(1);
        p.locator("#events li").filter(new Locator.FilterOptions().setHasText("Two-Person Tent"))
                .locator("button:has-text('That wasn’t me')").click();
        p.waitForSelector("#notice:has-text('Two-Person Tent')");
        assertThat(p.locator("#interests [data-category=outdoors]").count()).isZero();
        assertThat(api("/v1/users/rita/profile").get("feedback").toString()).contains("not_me");

        int before = api("/v1/users/rita/profile").at("/events/count").asInt();
        Locator row = p.locator("#events li").filter(new Locator.FilterOptions().setHasText("Mystery Novel")).first();
        String eventId = row.getAttribute("data-event");
        row.locator("button:has-text('Delete')").click();
        p.waitForSelector("#notice:has-text('Deleted')");
        assertThat(p.locator("#events li[data-event='" + eventId + "']").count()).isZero();
        assertThat(api("/v1/users/rita/profile").at("/events/count").asInt()).isEqualTo(before - 1);
    }

    @Test
    void download_givesEverythingHeld() throws Exception {
        f.cook("dora");
        Page p = open("dora", 1280, 900);
        Download d = p.waitForDownload(() -> p.click("#download"));
        assertThat(d.suggestedFilename()).isEqualTo("my-data.json");
        JsonNode doc = Json.MAPPER.readTree(Files.readString(d.path()));
        assertThat(doc.get("format").asText()).isEqualTo("candor-export-v1");
        assertThat(doc.get("events").size()).isEqualTo(api("/v1/users/dora/profile").at("/events/count").asInt()).isEqualTo(11);
        assertThat(doc.at("/preferences/liked_categories").toString()).contains("books");
        assertThat(p.textContent("#notice")).contains("11 events");
    }

    @Test
    void deleteAllActivity_asksFirst() {
        f.cook("hana");
        Page p = open("hana", 1280, 900);
        p.click("#delete-history");
        p.waitForSelector("#confirm[open]");
        p.keyboard().press("Escape"); // cancelling changes nothing
        p.waitForSelector("#confirm", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
        assertThat(api("/v1/users/hana/profile").at("/events/count").asInt()).isEqualTo(11);

        p.click("#delete-history");
        p.click("#confirm-ok");
        p.waitForSelector("#notice:has-text('Deleted 11 events')");
        assertThat(api("/v1/users/hana/profile").at("/events/count").asInt()).isZero();
        assertThat(p.textContent("#events-summary")).isEqualTo("We hold no activity of yours.");
    }

    @Test
    void erase_afterConfirmation_showsTheReceipt_andNothingRemains() {
        f.cook("erin");
        Page p = open("erin", 1280, 900);
        p.click("#erase");
        p.waitForSelector("#confirm[open]");
        assertThat(p.textContent("#confirm-title")).isEqualTo("Erase your account?");
        UiChecks.screenshot(p, "me-erase-confirm", false);
        p.click("#confirm-cancel");
        assertThat(api("/v1/users/erin/profile").at("/events/count").asInt()).isEqualTo(11);

        p.click("#erase");
        p.click("#confirm-ok");
        p.waitForSelector("#erased:not([hidden])");
        String hash = p.locator("#receipt dd.mono").last().textContent();
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(p.textContent("#receipt")).contains("events");
        UiChecks.screenshot(p, "me-erased", false);

        JsonNode profile = api("/v1/users/erin/profile");
        assertThat(profile.at("/consent/recorded").asBoolean()).isFalse();
        assertThat(profile.at("/events/count").asInt()).isZero();
        assertThat(profile.get("interests").toString()).doesNotContain("kitchen");
    }

    @Test
    void expiredToken_saysSoClearly_andWithoutToken_explainsHowToOpen() {
        String token = f.token("maya", 4);
        Page p = page(1280, 900);
        p.navigate(f.base() + "/me#token=" + token);
        p.waitForSelector("#app:not([hidden])");
        // the page watches the token's expiry (by the server's clock) and says so when it passes, without a request
        p.waitForSelector("#gate:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(10_000));
        assertThat(p.textContent("#gate-title")).isEqualTo("Your link has expired");
        assertThat(p.isHidden("#app")).isTrue();

        Page late = page(1280, 900); // a link opened after it expired: the server refuses it, the page explains
        late.navigate(f.base() + "/me#token=" + token);
        late.waitForSelector("#gate:not([hidden])");
        assertThat(late.textContent("#gate-title")).isEqualTo("Your link has expired");

        Page forged = page(1280, 900); // the server refuses a token it did not sign (or that it revoked): same message
        String other = f.token("maya", 600);
        forged.navigate(f.base() + "/me#token=" + other.substring(0, other.length() - 4) + "AAAA");
        forged.waitForSelector("#gate:not([hidden])");
        assertThat(forged.textContent("#gate-title")).isEqualTo("Your link has expired");

        Page none = page(1280, 900);
        none.navigate(f.base() + "/me");
        none.waitForSelector("#gate:not([hidden])");
        assertThat(none.textContent("#gate-title")).isEqualTo("This page needs a link from your account");
    }

    @Test
    void aDeviceClockHoursAhead_doesNotEndAValidSession() {
        Page p = page(1280, 900);
        p.clock().setSystemTime(java.time.Instant.now().plus(java.time.Duration.ofHours(3)).toEpochMilli());
        assertThat(((Number) p.evaluate("Date.now()")).longValue()).isGreaterThan(System.currentTimeMillis() + 3_000_000);
        p.navigate(f.base() + "/me#token=" + f.token("maya", 600));
        p.waitForSelector("#app:not([hidden])");
        p.waitForTimeout(1500);
        assertThat(p.isHidden("#gate")).as("still signed in: the server's clock decides").isTrue();
    }

    @Test
    void phoneWidth_noHorizontalScroll_everyControlNamed_readableContrast() {
        Page p = open("maya", 375, 740);
        UiChecks.screenshot(p, "me-phone", false);
        p.locator("details").all().forEach(d -> d.locator("summary").first().click());
        assertThat(UiChecks.horizontalOverflow(p)).as("overflowing: %s", UiChecks.overflowing(p)).isLessThanOrEqualTo(0);
        assertThat(UiChecks.controlCount(p)).isGreaterThan(40);
        assertThat(UiChecks.unnamedControls(p)).isEmpty();
        assertThat(UiChecks.lowContrast(p)).isEmpty();

        Page desktop = open("maya", 1280, 900);
        UiChecks.screenshot(desktop, "me", false);
        desktop.locator("details").all().forEach(d -> d.locator("summary").first().click());
        assertThat(UiChecks.unnamedControls(desktop)).isEmpty();
        assertThat(UiChecks.lowContrast(desktop)).isEmpty();
    }

    private static List<String> titles(JsonNode recs) {
        List<String> out = new ArrayList<>();
        recs.get("items").forEach(i -> out.add(i.get("title").asText()));
        return out;
    }
}
