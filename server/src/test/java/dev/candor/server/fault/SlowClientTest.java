package dev.candor.server.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.server.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slow clients cannot starve others: hundreds of connections that send their request a byte at a
 * time (a "slowloris"), headers and bodies, hold only themselves up, and ordinary requests are
 * answered meanwhile. Nothing a slow client half-sent is accepted.
 */
class SlowClientTest {
    static final int SLOW = 300;

    @Test
    void slowClients_holdOnlyThemselves_othersAreServed() throws Exception {
        try (TestServer s = new TestServer()) {
            s.seedItems(10);
            s.grant("ana", "personalization", "behavioral");
            List<Socket> slow = new ArrayList<>();
            try {
                for (int c = 0; c < SLOW; c++) {
                    Socket socket = new Socket("127.0.0.1", s.server.port());
                    OutputStream out = socket.getOutputStream();
                    String body = "[{\"user\":\"ana\",\"item\":\"i1\",\"type\":\"view\"}]";
                    // half the clients stall in the headers, half in a body they announced in full
                    String head = c % 2 == 0
                            ? "POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthor"
                            : "POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + s.adminKey
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 10);
                    out.write(head.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    slow.add(socket);
                }
                long start = System.nanoTime();
                for (int k = 0; k < 50; k++) {
                    assertThat(s.get("/health", null).status()).isEqualTo(200);
                    assertThat(s.get("/v1/users/ana/recommendations?n=5", s.adminKey).status()).isEqualTo(200);
                    for (int t = 0; t < slow.size(); t += 7) {
                        trickle(slow.get(t)); // the slow ones keep sending, a byte at a time
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                assertThat(seconds).as("100 ordinary requests beside %d stalled connections", SLOW).isLessThan(30);
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
            assertThat(s.engine.events(s.engine.pseudonymizer().subject("ana"))).as("no half-sent batch was accepted").isEmpty();
        }
    }

    private static void trickle(Socket socket) {
        try {
            socket.getOutputStream().write(' ');
            socket.getOutputStream().flush();
        } catch (IOException e) {
            // the server may have cut a stalled client off: that is allowed
        }
    }
}
