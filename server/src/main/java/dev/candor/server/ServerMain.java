package dev.candor.server;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A minimal entry point for running the server in a separate process (tests that kill it); the
 * {@code candor serve} command is the one people use. Arguments: {@code --port N --data DIR [--db URL]}.
 */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8080;
        Path data = Path.of("candor-data");
        Optional<String> db = Optional.empty();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]);
                case "--db" -> db = Optional.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Logging.configure(data, true);
        Launcher launcher = Launcher.start(Launcher.Options.fromEnvironment(data, db, ServerConfig.defaults().withPort(port)));
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::close));
        launcher.announce(System.out);
        Thread.currentThread().join();
    }
}
