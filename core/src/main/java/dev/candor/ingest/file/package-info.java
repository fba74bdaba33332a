/**
 * Reading interaction files a user brings — MovieLens 100K ({@code u.data}), MovieLens CSV
 * ({@code ratings.csv}), any delimited file with a column mapping, JSON lines — and the item files
 * beside MovieLens data. Streaming, line by line: good rows go to a sink, bad rows are reported with
 * their line numbers and skipped. Used by {@code candor import} and the evaluation harness.
 *
 * <p>What must not live here: consent, pseudonymization or storage (the import goes through the
 * ingest pipeline like any other event).
 */
package dev.candor.ingest.file;
