package dev.candor.bench;

import dev.candor.consent.SensitivityPolicy;
import dev.candor.engine.EngineConfig;
import dev.candor.eval.Algorithm;
import dev.candor.eval.Dataset;
import dev.candor.eval.Evaluator;
import dev.candor.eval.Fold;
import dev.candor.eval.Protocol;
import dev.candor.eval.Report;
import dev.candor.eval.algorithms.EdgeKnnAlgorithm;
import dev.candor.eval.algorithms.ItemKnnAlgorithm;
import dev.candor.ingest.file.InteractionFormat;
import dev.candor.ingest.file.InteractionReader;
import dev.candor.model.Item;
import dev.candor.profile.DecayPolicy;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.edge.EdgeModel;
import dev.candor.recommend.source.ItemKnnModel;
import dev.candor.server.Json;
import dev.candor.server.api.ModelsApi;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * {@code bench/run EdgeModelSize}: the on-device model's size (JSON as served, and gzipped) when
 * trained on every positive of a data set, and its accuracy against server-mode item-kNN on the same
 * folds (strong protocol, 5 folds, seed 42): the served model with the engine's defaults, the edge cut
 * to 20 neighbours with float similarities (the loss of the cut), and the edge as shipped (8-bit).
 * Writes the {@code edge} section of docs/benchmarks.md.
 */
public final class EdgeModelSize {
    private EdgeModelSize() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path docs = Path.of(args.length > 1 ? args[1] : "docs/benchmarks.md");
        EngineConfig cfg = EngineConfig.defaults();
        StringBuilder md = new StringBuilder("Measured ").append(LocalDate.now()).append(" by `bench/run EdgeModelSize`. Server mode is the served item-kNN model with the engine's defaults (")
                .append(cfg.knnNeighbours()).append(" neighbours, shrink ").append(cfg.knnShrink()).append("); the edge model keeps the ")
                .append(EdgeModel.DEFAULT_NEIGHBOURS).append(" strongest per item with 8-bit similarities. Accuracy: strong protocol, 5 folds, seed 42, mean ± std. ")
                .append("Size: the model trained on every positive of the data set, as `GET /v1/models/edge` serves it.\n\n")
                .append("| data set | items | neighbour entries | JSON | gzipped | server model in memory | Recall@20 server | Recall@20 edge, float | Recall@20 edge, 8-bit | NDCG@10 server | NDCG@10 edge, 8-bit |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String set : List.of("ml-100k", "ml-latest-small")) {
            Dataset d = Compare.movieLens(data, set);
            Protocol.Settings s = Protocol.Settings.strong(5, 42);
            List<Fold> folds = Protocol.split(d, s);
            List<Algorithm> algs = List.of(new ItemKnnAlgorithm(cfg.knnNeighbours(), cfg.knnShrink()),
                    new EdgeKnnAlgorithm(cfg.knnNeighbours(), cfg.knnShrink(), EdgeModel.DEFAULT_NEIGHBOURS, false),
                    new EdgeKnnAlgorithm(cfg.knnNeighbours(), cfg.knnShrink(), EdgeModel.DEFAULT_NEIGHBOURS, true));
            Report r = Evaluator.run(d, s, folds, algs, (w, done, total) -> System.err.printf("%s %s (%d/%d)%n", set, w, done, total));

            // size: trained on every positive, like a server would
            List<int[]> rows = new ArrayList<>();
            List<List<Integer>> per = new ArrayList<>();
            for (int u = 0; u < d.numUsers(); u++) {
                per.add(new ArrayList<>());
            }
            for (int k = 0; k < d.size(); k++) {
                if (!(d.value(k) < 4)) {
                    per.get(d.user(k)).add(d.item(k));
                }
            }
            per.forEach(l -> rows.add(l.stream().mapToInt(Integer::intValue).distinct().sorted().toArray()));
            ItemKnnModel knn = ItemKnnModel.train(rows, d.numItems(), cfg.knnNeighbours(), cfg.knnShrink());
            Catalog catalog = new Catalog(new SensitivityPolicy(Set.of()));
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < d.numItems(); i++) {
                items.add(Item.of(d.itemId(i), d.title(i), d.categories(i)));
            }
            catalog.putAll(items);
            EdgeModel edge = EdgeModel.of(knn, catalog, EdgeModel.DEFAULT_NEIGHBOURS, Instant.now());
            byte[] json = Json.MAPPER.writeValueAsBytes(ModelsApi.view(edge, catalog, DecayPolicy.defaults()));
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
                z.write(json);
            }
            long serverEntries = 0;
            for (int i = 0; i < knn.numItems(); i++) {
                serverEntries += knn.neighbours(i).length;
            }
            md.append(String.format("| %s | %,d | %,d | %s | %s | %s | %s | %s | %s | %s | %s |%n", set, edge.size(), edge.edges(), kb(json.length),
                    kb(gz.size()), kb(serverEntries * 8), pm(r, "itemknn", "recall@20"), pm(r, "itemknn-edge-float", "recall@20"),
                    pm(r, "itemknn-edge", "recall@20"), pm(r, "itemknn", "ndcg@10"), pm(r, "itemknn-edge", "ndcg@10")));
            System.err.println(set + " JSON " + new String(json, 0, Math.min(200, json.length), StandardCharsets.UTF_8));
        }
        md.append("\nServer model in memory: neighbour indexes and float similarities, 8 bytes per entry. Titles make up much of the JSON; ")
                .append("the recommendations computed in the browser are identical to `POST /v1/models/edge/recommendations` for the same events ")
                .append("(`EdgeModeBrowserTest`), so the accuracy of the edge column is the accuracy of on-device mode.\n");
        Sections.write(docs, "edge", "On-device model: size and accuracy", md.toString());
        System.out.print(md);
    }

    private static String kb(long bytes) {
        return String.format("%,.0f KB", bytes / 1024.0);
    }

    private static String pm(Report r, String alg, String metric) {
        Report.Result x = r.result(alg);
        return String.format("%.4f ± %.4f", x.mean(metric), x.std(metric));
    }
}
