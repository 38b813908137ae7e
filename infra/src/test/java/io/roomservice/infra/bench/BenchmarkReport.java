package io.roomservice.infra.bench;

import java.util.List;

/** How a benchmark harness prints its table, framed so that scripts/benchmark.sh can cut it out. */
final class BenchmarkReport {

    private BenchmarkReport() {
    }

    static void print(String name, String settings, List<String> lines) {
        System.out.println("\n===== roomservice " + name + " benchmark =====");
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", " + settings);
        lines.forEach(System.out::println);
        System.out.println("============================================\n");
    }
}
