package dev.candor.bench;

import dev.candor.bench.peers.LensKitItemItem;
import dev.candor.bench.peers.MahoutItemBased;
import dev.candor.bench.peers.RankSysIals;
import dev.candor.bench.peers.RankSysItemKnn;
import dev.candor.bench.peers.SparkAls;
import dev.candor.eval.Algorithm;
import dev.candor.eval.Dataset;
import dev.candor.eval.Evaluator;
import dev.candor.eval.Fold;
import dev.candor.eval.Protocol;
import dev.candor.eval.Report;
import dev.candor.ingest.file.InteractionFormat;
import dev.candor.ingest.file.InteractionReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One fold of ml-100k through every peer: a quick check that each runs here. Usage: {@code PeerSmoke DATA_DIR}. */
public final class PeerSmoke {
    private PeerSmoke() {
    }

    public static void main(String[] args) throws Exception {
        Dataset d = Dataset.load(Path.of(args[0]).resolve("ml-100k/u.data"), InteractionReader.Options.of(InteractionFormat.MOVIELENS_100K),
                Optional.empty(), p -> { }, x -> { });
        Protocol.Settings s = Protocol.Settings.strong(5, 42);
        List<Fold> folds = Protocol.split(d, s).subList(0, 1);
        try (SparkAls spark = new SparkAls(16, 5, 0.1, 10)) {
            List<Algorithm> peers = List.of(spark, new RankSysIals(16, 5, 50, 10), new RankSysItemKnn(100, 0.5), new MahoutItemBased(),
                    new LensKitItemItem(100));
            Report r = Evaluator.run(d, s, folds, peers, (w, done, total) -> { });
            for (Report.Result res : r.results()) {
                System.out.printf("%-18s recall@20 %.4f%n", res.algorithm(), res.mean("recall@20"));
            }
        }
    }
}
