/**
 * Wiring: {@link dev.candor.engine.Engine#builder()} assembles stores, pseudonymizer, consent,
 * ingest, profile, models and the recommender into one object the server and CLI use. No DI
 * container; every dependency is passed explicitly.
 *
 * <p>This is the only package that knows every other; nothing depends on it but transports.
 */
package dev.candor.engine;
