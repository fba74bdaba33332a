/**
 * Peer recommenders adapted to {@link dev.candor.eval.Algorithm}. Most cannot score a user they were
 * not trained with, so each peer trains on the training users <em>and</em> the held-out users'
 * fold-in (never their targets) — information Candor's own algorithms do not get, which favours the
 * peers. Item ids are universe columns, user ids are rows (training users first, then held-out).
 */
package dev.candor.bench.peers;
