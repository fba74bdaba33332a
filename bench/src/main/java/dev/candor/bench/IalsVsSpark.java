package dev.candor.bench;

import dev.candor.bench.peers.SparkAls;
import dev.candor.eval.Dataset;
import dev.candor.ingest.file.InteractionFormat;
import dev.candor.ingest.file.InteractionReader;
import dev.candor.recommend.source.IalsModel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * iALS training time against Spark MLlib ALS on the MovieLens sets alone, without the quality
 * comparison's hours of tuning: {@link Compare#speed} (all positives, best of 3, Spark timed in
 * {@code ALS.fit} only) with the engine's default iALS (64 factors, 15 iterations) and Spark ALS at
 * the same rank and iterations. Writes docs/benchmarks.md between {@code <!-- ials-movielens:begin -->}
 * and {@code <!-- ials-movielens:end -->}. Usage: {@code IalsVsSpark [DATA_DIR] [docs]}.
 */
public final class IalsVsSpark {
    private IalsVsSpark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path docs = Path.of(args.length > 1 ? args[1] : "docs/benchmarks.md");
        IalsModel.Params ials = IalsModel.Params.defaults();
        StringBuilder md = new StringBuilder("Measured ").append(LocalDate.now())
                .append(" by `bench/run IalsVsSpark`: the engine's default iALS (64 factors, 15 iterations, α 2, λ 10) against Spark MLlib ALS ")
                .append("(implicit, rank 64, 15 iterations, α 2, regParam 0.1, `local[*]`) on every positive of each set, in the same run, ")
                .append("best of 3 each; Spark timed in `ALS.fit` alone.\n\n");
        for (String set : List.of("ml-100k", "ml-latest-small")) {
            Dataset d = Compare.movieLens(data, set);
            try (SparkAls spark = new SparkAls(ials.factors(), ials.iterations(), 0.1, ials.alpha())) {
                String line = Compare.speed(set, d, ials, spark);
                System.out.print(line);
                md.append("- ").append(line.strip()).append('\n');
            }
        }
        Sections.write(docs, "ials-movielens", "iALS against Spark ALS on MovieLens", md.toString().stripTrailing() + "\n");
    }
}
