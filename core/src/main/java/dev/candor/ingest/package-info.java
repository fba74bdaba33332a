/**
 * The ingest path: {@code RawEvent} (as the edge parsed it, with the raw user id) →
 * {@code Pseudonymizer} → {@code ConsentGate} → {@link dev.candor.ingest.Minimizer} →
 * sensitivity flag → {@code EventStore.append} (durable) → live {@code InteractionIndex}.
 *
 * <p>The raw user id lives only inside {@link dev.candor.ingest.IngestPipeline#ingest} and is
 * never logged, stored or echoed in an error. A batch is all-or-nothing at the store: either every
 * accepted row is durable before the call returns or the call throws and none is.
 * Must not depend on {@code recommend} sources, store implementations or any transport.
 */
package dev.candor.ingest;
