/**
 * The /v1 API: one class per resource, each registering its routes (method, path, scopes,
 * handler) into the {@link dev.candor.server.api.RouteTable}, which also drives authentication,
 * error mapping, request metrics and the 404/405 fallback. Handlers are plain lambdas.
 */
package dev.candor.server.api;
