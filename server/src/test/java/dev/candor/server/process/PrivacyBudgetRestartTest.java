package dev.candor.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.server.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The privacy-budget ledger over the real server in its own JVM: spent ε survives a SIGKILL and a
 * restart on the same data directory, and a query past the budget is refused with
 * {@code PRIVACY_BUDGET_EXHAUSTED} before and after; community releases spend their own budget.
 */
class PrivacyBudgetRestartTest {
    private static final String ADMIN = "cnd_PrivacyBudgetRestartTestAdmin01";
    private static final Map<String, String> ENV = Map.of("CANDOR_ADMIN_KEY", ADMIN, "CANDOR_COMMUNITY_EPSILON", "1",
            "CANDOR_COMMUNITY_BUDGET", "3");

    @TempDir
    Path data;

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void spentBudget_survivesKillNineAndRestart_andStaysRefused() throws Exception {
        try (ServerProcess first = ServerProcess.start(data, Optional.empty(), ENV)) {
            ProcessClient c = new ProcessClient(first.base(), ADMIN);
            assertThat(c.send("PUT", "/v1/items/sku-1", "{\"title\":\"Skillet\",\"categories\":[\"kitchen\"]}").statusCode()).isEqualTo(200);
            for (int u = 0; u < 5; u++) {
                c.send("PUT", "/v1/users/budget-user-" + u + "/consent", "{\"purposes\":{\"personalization\":true,\"behavioral\":true,\"analytics\":true}}");
                c.send("POST", "/v1/events", "[{\"user\":\"budget-user-" + u + "\",\"item\":\"sku-1\",\"type\":\"view\"}]");
            }
            assertThat(c.send("GET", "/v1/analytics/top-items?epsilon=4", null).statusCode()).isEqualTo(200);
            assertThat(c.send("GET", "/v1/analytics/segments?epsilon=5", null).statusCode()).isEqualTo(200);
            HttpResponse<String> refused = c.send("GET", "/v1/analytics/categories?epsilon=2", null);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(json(refused).at("/error/code").asText()).isEqualTo("PRIVACY_BUDGET_EXHAUSTED");
            JsonNode budget = json(c.send("GET", "/v1/analytics/budget", null));
            assertThat(budget.get("remaining").asDouble()).isEqualTo(1.0);
            assertThat(budget.at("/community/mode").asText()).isEqualTo("differentially private");
            assertThat(budget.at("/community/remaining").asDouble()).as("the start's community release").isEqualTo(2.0);
            first.kill9();
        }
        try (ServerProcess second = ServerProcess.start(data, Optional.empty(), ENV)) {
            ProcessClient c = new ProcessClient(second.base(), ADMIN);
            JsonNode budget = json(c.send("GET", "/v1/analytics/budget", null));
            assertThat(budget.get("remaining").asDouble()).as("spent ε is durable").isEqualTo(1.0);
            assertThat(budget.at("/community/remaining").asDouble()).as("the restart made another release").isEqualTo(1.0);
            HttpResponse<String> refused = c.send("GET", "/v1/analytics/segments?epsilon=1.5", null);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(json(refused).at("/error/code").asText()).isEqualTo("PRIVACY_BUDGET_EXHAUSTED");
            assertThat(c.send("GET", "/v1/analytics/top-items?epsilon=1", null).statusCode()).as("exactly the rest").isEqualTo(200);
            assertThat(c.send("GET", "/v1/analytics/top-items?epsilon=0.01", null).statusCode()).isEqualTo(403);
        }
    }
}
