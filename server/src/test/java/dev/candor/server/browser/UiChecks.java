package dev.candor.server.browser;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks every page of the web UI must pass, run in the real browser: no horizontal scrolling,
 * every control with an accessible name (Chromium's own accessibility tree), readable contrast
 * (WCAG AA, computed from the rendered colours), and no Content-Security-Policy violation.
 * Also writes screenshots.
 */
final class UiChecks {
    /** Roles a person operates; each needs a name. */
    static final Set<String> CONTROL_ROLES = Set.of("button", "checkbox", "switch", "link", "textbox", "combobox", "spinbutton",
            "radio", "slider", "searchbox", "listbox", "menuitem", "tab", "DisclosureTriangle", "PopUpButton");

    private UiChecks() {
    }

    /** Records CSP violations into {@code window.__cspViolations}; call before the first navigation. */
    static void watchCsp(Page page) {
        page.addInitScript("window.__cspViolations = [];"
                + "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
                + "e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));");
    }

    @SuppressWarnings("unchecked")
    static List<String> cspViolations(Page page) {
        return (List<String>) page.evaluate("window.__cspViolations || []");
    }

    /** {@return the document's scroll width minus its client width (0 or less: no horizontal scroll)} */
    static int horizontalOverflow(Page page) {
        return ((Number) page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
    }

    /** {@return the elements wider than the viewport, for a useful failure message} */
    @SuppressWarnings("unchecked")
    static List<String> overflowing(Page page) {
        return (List<String>) page.evaluate("(() => { const w = document.documentElement.clientWidth; const out = [];"
                + "for (const el of document.querySelectorAll('body *')) { const r = el.getBoundingClientRect();"
                + "if (r.width > 0 && r.right > w + 1 && getComputedStyle(el).position !== 'fixed') out.push(el.tagName + '#' + el.id + '.' + el.className + ' right=' + Math.round(r.right)); }"
                + "return out.slice(0, 10); })()");
    }

    /** {@return the controls (role and node) in Chromium's accessibility tree that have no accessible name} */
    static List<String> unnamedControls(Page page) {
        CDPSession cdp = page.context().newCDPSession(page);
        try {
            JsonObject tree = cdp.send("Accessibility.getFullAXTree");
            List<String> out = new ArrayList<>();
            int controls = 0;
            for (JsonElement e : tree.getAsJsonArray("nodes")) {
                JsonObject node = e.getAsJsonObject();
                if (node.has("ignored") && node.get("ignored").getAsBoolean() || !node.has("role")) {
                    continue;
                }
                String role = node.getAsJsonObject("role").get("value").getAsString();
                if (!CONTROL_ROLES.contains(role)) {
                    continue;
                }
                controls++;
                String name = node.has("name") && node.getAsJsonObject("name").has("value")
                        ? node.getAsJsonObject("name").get("value").getAsString().strip() : "";
                if (name.isEmpty()) {
                    out.add(role + " (backend node " + (node.has("backendDOMNodeId") ? node.get("backendDOMNodeId") : "?") + ")");
                }
            }
            if (controls == 0) {
                out.add("no controls found at all: the page did not render");
            }
            return out;
        } finally {
            cdp.detach();
        }
    }

    /** {@return how many controls Chromium's accessibility tree holds (to show a check is not vacuous)} */
    static int controlCount(Page page) {
        CDPSession cdp = page.context().newCDPSession(page);
        try {
            JsonArray nodes = cdp.send("Accessibility.getFullAXTree").getAsJsonArray("nodes");
            int n = 0;
            for (JsonElement e : nodes) {
                JsonObject node = e.getAsJsonObject();
                if (!(node.has("ignored") && node.get("ignored").getAsBoolean()) && node.has("role")
                        && CONTROL_ROLES.contains(node.getAsJsonObject("role").get("value").getAsString())) {
                    n++;
                }
            }
            return n;
        } finally {
            cdp.detach();
        }
    }

    /**
     * {@return text whose contrast with its background is below WCAG AA (4.5:1, or 3:1 for large
     * text)}, computed from the rendered colours; disabled controls are exempt, as in WCAG
     */
    @SuppressWarnings("unchecked")
    static List<String> lowContrast(Page page) {
        return (List<String>) page.evaluate(CONTRAST_JS);
    }

    private static final String CONTRAST_JS = """
            (() => {
              const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return [0,0,0,0];
                const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
              const lum = ([r,g,b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
              const over = (top, bottom) => { const a = top[3]; return [0,1,2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]); };
              const background = el => { const layers = [];
                for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c[3] > 0) layers.push(c); if (c[3] >= 1) break; }
                let bg = [255,255,255,1]; for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg); return bg; };
              const out = [];
              for (const el of document.querySelectorAll('body *')) {
                const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
                if (!own) continue;
                const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
                if (r.width === 0 || r.height === 0 || s.visibility === 'hidden' || el.closest('[hidden],.visually-hidden')) continue;
                if (el.closest('button:disabled, input:disabled, select:disabled')) continue;
                let opacity = 1; for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
                const bg = background(el); const fg = over([...parse(s.color).slice(0,3), parse(s.color)[3] * opacity], bg);
                const l1 = lum(fg), l2 = lum(bg); const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                const size = parseFloat(s.fontSize); const bold = Number(s.fontWeight) >= 700;
                const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
                if (ratio < need) out.push(el.tagName + '.' + el.className + ' "' + el.textContent.trim().slice(0, 40) + '" ' + ratio.toFixed(2) + ':1');
              }
              return out;
            })()""";

    /**
     * Writes a screenshot to {@code server/target/screenshots/}, and also to {@code docs/screenshots/}
     * when {@code CANDOR_UPDATE_SCREENSHOTS=1} (so that ordinary test runs leave the repository
     * unchanged).
     */
    static void screenshot(Page page, String name, boolean fullPage) {
        byte[] png = page.screenshot(new Page.ScreenshotOptions().setFullPage(fullPage));
        write(Paths.get("target", "screenshots", name + ".png"), png);
        if ("1".equals(System.getenv("CANDOR_UPDATE_SCREENSHOTS"))) {
            write(Paths.get("..", "docs", "screenshots", name + ".png"), png);
        }
    }

    private static void write(Path path, byte[] bytes) {
        try {
            Files.createDirectories(path.getParent());
            Files.write(path, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
