package io.roomservice.infra.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by the local PostgreSQL's processes (from {@code /proc}; the
 * server's exited backends count through its postmaster's children's times). Differences of two
 * readings say what a measured round cost in CPU, which a busy neighbour on the machine usually
 * moves less than it moves the round's rate (not always: see docs/benchmarks.md, runs Q to T).
 */
record CpuUse(long jvmNanos, long postgresNanos) {

    private static final long NANOS_PER_TICK = 1_000_000_000L / 100; // USER_HZ, 100 on Linux

    static CpuUse now() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuUse(os.getProcessCpuTime(), postgresTicks() * NANOS_PER_TICK);
    }

    CpuUse since(CpuUse earlier) {
        return new CpuUse(jvmNanos - earlier.jvmNanos, postgresNanos - earlier.postgresNanos);
    }

    CpuUse plus(CpuUse other) {
        return new CpuUse(jvmNanos + other.jvmNanos, postgresNanos + other.postgresNanos);
    }

    private static long postgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuUse::postgresTicksOf).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long postgresTicksOf(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (!stat.substring(open + 1, close).equals("postgres")) {
                return 0;
            }
            // after the name: state is field 3; utime, stime, cutime, cstime are fields 14 to 17
            String[] fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }
}
