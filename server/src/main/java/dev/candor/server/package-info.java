/**
 * The HTTP API (Helidon SE 4, virtual threads): routes registered in one place
 * ({@link dev.candor.server.api.Routes}), one error mapper ({@link dev.candor.server.ApiError} →
 * {@code {"error":{"code","message","field"}}}), API-key auth, Prometheus metrics, the OpenAPI
 * document and the static web UI.
 *
 * <p>Raw user ids exist here only between reading a request and calling the engine's
 * pseudonymizer; they are never logged (the access log records route patterns, not paths) and
 * never echoed in errors.
 */
package dev.candor.server;
