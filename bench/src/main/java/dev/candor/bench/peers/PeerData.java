package dev.candor.bench.peers;

import dev.candor.eval.FoldData;
import dev.candor.recommend.InteractionMatrix;

/** Training rows followed by fold-in rows: what a peer that must know every user trains on. */
final class PeerData {
    private PeerData() {
    }

    /** {@return the id a peer uses for held-out user {@code user}} */
    static int heldOutId(FoldData data, int user) {
        return data.train().numUsers() + user;
    }

    /** {@return every (user id, item) positive: training users, then held-out users' fold-in} */
    static InteractionMatrix all(FoldData data) {
        InteractionMatrix t = data.train();
        InteractionMatrix f = data.foldIn();
        InteractionMatrix.Builder b = InteractionMatrix.builder(t.numUsers() + f.numUsers(), t.numItems());
        for (int u = 0; u < t.numUsers(); u++) {
            for (int i : t.items(u)) {
                b.add(u, i, 1f);
            }
        }
        for (int u = 0; u < f.numUsers(); u++) {
            for (int i : f.items(u)) {
                b.add(t.numUsers() + u, i, 1f);
            }
        }
        return b.build();
    }
}
