package dev.candor.server.api;

/** A route handler: reads the call, writes the response, or throws an {@code ApiError}. */
@FunctionalInterface
public interface ApiHandler {
    void handle(Call call);
}
