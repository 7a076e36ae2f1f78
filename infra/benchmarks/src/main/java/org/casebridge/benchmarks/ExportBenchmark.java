package org.casebridge.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.casebridge.exports.app.TableExport;
import org.casebridge.exports.app.TableWriter;
import org.casebridge.exports.domain.ExportFormat;
import org.casebridge.exports.domain.RecordFilter;
import org.casebridge.exports.persistence.ExportQueries;
import org.casebridge.exports.persistence.RowCursor;
import org.casebridge.exports.persistence.TableQuery;
import org.casebridge.infra.DatabaseCoordinates;
import org.casebridge.infra.postgres.EmbeddedPostgresServer;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Exports evidence requests to CSV through the node's export path (server-side cursor, {@link TableWriter}) and
 * through PostgreSQL's own {@code COPY (same query) TO STDOUT WITH CSV}, on the same embedded PostgreSQL, in the same
 * run, and prints rows per second of each and the peak heap of this JVM.
 *
 * <p>Both read the same query over the same kind of JDBC connection and write into a sink that only counts bytes,
 * so the comparison is the cost of the export path (driver decoding, CSV writing with formula neutralisation)
 * against PostgreSQL writing CSV itself. Run it with {@code -Xmx256m}: see docs/performance.md.
 *
 * <p>Arguments: {@code [rows] [rounds]}, default 1,000,000 rows and 3 measured rounds (after one warm-up of each).
 */
public final class ExportBenchmark {

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.err.printf("max heap %d MB; starting embedded PostgreSQL%n",
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null)) {
            DatabaseCoordinates database = postgres.createDatabase("export_benchmark");
            Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                    .locations("classpath:db/migration").load().migrate();
            long seeded = System.nanoTime();
            try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
                statement.execute(SEED_REQUESTS.replace("{rows}", Integer.toString(rows)));
                statement.execute(SEED_ITEMS);
                statement.execute("VACUUM ANALYZE evidence_request");
                statement.execute("VACUUM ANALYZE evidence_request_item");
            }
            System.err.printf("seeded %,d evidence requests with one item each in %.1f s%n", rows,
                    (System.nanoTime() - seeded) / 1e9);
            TableQuery query = ExportQueries.evidenceRequests(RecordFilter.everything());
            if (!query.parameters().isEmpty()) {
                throw new IllegalStateException("COPY takes no parameters; the benchmark query must have none");
            }
            String copy = "COPY (" + query.sql() + ") TO STDOUT WITH (FORMAT csv, HEADER)";

            Result warmExport = export(database, query);
            Result warmCopy = copy(database, copy);
            System.err.printf("warm-up: export %s; COPY %s%n", warmExport, warmCopy);
            List<Result> exports = new ArrayList<>();
            List<Result> copies = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                Result copied = copy(database, copy);
                Result exported = export(database, query);
                copies.add(copied);
                exports.add(exported);
                System.err.printf("round %d: export %s; COPY %s%n", round, exported, copied);
            }
            report(rows, rounds, exports, copies);
        }
    }

    private static Connection connect(DatabaseCoordinates database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    /** The node's export path: what a download or an export job runs, into a sink that counts bytes. */
    private static Result export(DatabaseCoordinates database, TableQuery query) throws Exception {
        HeapWatch heap = HeapWatch.start();
        long start = System.nanoTime();
        CountingSink sink = new CountingSink();
        long rows;
        try (RowCursor cursor = RowCursor.open(connect(database), query, RowCursor.DEFAULT_FETCH_SIZE)) {
            TableWriter writer = TableWriter.open(ExportFormat.CSV, query.columns(), sink);
            rows = TableExport.copy(cursor, writer, Long.MAX_VALUE, written -> { });
        }
        return new Result(rows, sink.bytes, System.nanoTime() - start, heap.peakBytes(), heap.collections());
    }

    /** PostgreSQL's COPY of the same query, read by the driver's CopyManager into the same kind of sink. */
    private static Result copy(DatabaseCoordinates database, String copy) throws Exception {
        HeapWatch heap = HeapWatch.start();
        long start = System.nanoTime();
        CountingSink sink = new CountingSink();
        long rows;
        try (Connection connection = connect(database)) {
            CopyManager copier = connection.unwrap(PGConnection.class).getCopyAPI();
            rows = copier.copyOut(copy, sink);
        }
        return new Result(rows, sink.bytes, System.nanoTime() - start, heap.peakBytes(), heap.collections());
    }

    private static void report(int rows, int rounds, List<Result> exports, List<Result> copies) {
        double exportRate = median(exports.stream().map(Result::rowsPerSecond).toList());
        double copyRate = median(copies.stream().map(Result::rowsPerSecond).toList());
        long exportPeak = exports.stream().mapToLong(Result::peakHeapBytes).max().orElse(0);
        long copyPeak = copies.stream().mapToLong(Result::peakHeapBytes).max().orElse(0);
        System.out.printf(Locale.ROOT, "%n| path | rows/s (median of %d) | MB written | peak heap (MB) |%n", rounds);
        System.out.printf(Locale.ROOT, "| --- | --- | --- | --- |%n");
        System.out.printf(Locale.ROOT, "| node export path, CSV | %,.0f | %.1f | %.1f |%n", exportRate,
                exports.get(0).bytes / 1e6, exportPeak / (1024.0 * 1024));
        System.out.printf(Locale.ROOT, "| PostgreSQL COPY ... TO STDOUT WITH CSV | %,.0f | %.1f | %.1f |%n", copyRate,
                copies.get(0).bytes / 1e6, copyPeak / (1024.0 * 1024));
        List<Double> pairs = new ArrayList<>();
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < exports.size(); i++) {
            double ratio = exports.get(i).rowsPerSecond() / copies.get(i).rowsPerSecond();
            pairs.add(ratio);
            each.append(each.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", ratio));
        }
        System.out.printf(Locale.ROOT, "%nrows: %,d; export/COPY rate, medians: %.2f; per round (back to back): %s;"
                        + " median per round: %.2f; max heap: %d MB%n", rows, exportRate / copyRate, each, median(pairs),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** One pass: rows, bytes, time, and the heap it needed. */
    private record Result(long rows, long bytes, long nanos, long peakHeapBytes, long collections) {

        double rowsPerSecond() {
            return rows / (nanos / 1e9);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d rows, %.1f MB in %.2f s = %,.0f rows/s, peak heap %.1f MB,"
                            + " %d GCs", rows, bytes / 1e6, nanos / 1e9, rowsPerSecond(),
                    peakHeapBytes / (1024.0 * 1024), collections);
        }
    }

    /**
     * The heap's high-water mark during a pass: the sum of each heap pool's peak since the start, an upper bound of
     * the heap in use at any one moment (pools peak at different times).
     */
    private static final class HeapWatch {

        private final long collectionsBefore;

        private HeapWatch() {
            this.collectionsBefore = collections();
        }

        static HeapWatch start() {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
            return new HeapWatch();
        }

        long peakBytes() {
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    sum += pool.getPeakUsage().getUsed();
                }
            }
            return sum;
        }

        long collections() {
            return collectionsNow() - collectionsBefore;
        }

        private static long collectionsNow() {
            long count = 0;
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, collector.getCollectionCount());
            }
            return count;
        }
    }

    /** Discards what is written and counts it. */
    private static final class CountingSink extends OutputStream {

        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            bytes += len;
        }
    }

    private static final String SEED_REQUESTS = """
            INSERT INTO evidence_request (id, reference, direction, case_id, case_reference, requesting_agency,
                requested_agency, instrument, request_type, urgency, legal_basis, justification, crime_categories,
                marking, status, author, refusal_ground, created_at, sent_at, received_at, decided_at,
                first_fulfilled_at, fulfilled_at, closed_at, updated_at, response_due_at, response_milestone,
                paused_seconds, version)
            SELECT gen_random_uuid(), 'DE-BKA-REQ-' || g,
                   CASE WHEN g % 3 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END, gen_random_uuid(),
                   'DE-BKA-2026-' || lpad((g % 50000)::text, 6, '0'),
                   CASE WHEN g % 3 = 0 THEN partner ELSE 'DE-BKA' END, CASE WHEN g % 3 = 0 THEN 'DE-BKA' ELSE partner END,
                   (ARRAY['EU_EPOC', 'MLAT', 'BUDAPEST_ART29', 'EU_EIO', 'EU_2023_977', 'POLICE_TO_POLICE'])[1 + g % 6],
                   (ARRAY['SUBSCRIBER_INFO', 'TRAFFIC_DATA', 'CONTENT_DATA', 'PRESERVATION'])[1 + g % 4],
                   (ARRAY['NORMAL', 'URGENT', 'EMERGENCY'])[1 + g % 3],
                   'Art. 5 Regulation (EU) 2023/1543', 'Subscriber behind the address used in the attack on ' || g,
                   ARRAY[(ARRAY['RANSOMWARE_EXTORTION', 'COMPUTER_FRAUD', 'ILLEGAL_ACCESS'])[1 + g % 3]],
                   (ARRAY['GREEN', 'AMBER', 'AMBER+STRICT'])[1 + g % 3],
                   (ARRAY['FULFILLED', 'REFUSED', 'IN_PROGRESS', 'CLOSED'])[1 + g % 4], 'officer' || (g % 40),
                   CASE WHEN g % 4 = 1 THEN 'INSUFFICIENT_INFORMATION' END,
                   t - interval '1 hour', t, t + interval '2 hours', t + interval '20 hours',
                   CASE WHEN g % 4 IN (0, 3) THEN t + interval '3 days' END,
                   CASE WHEN g % 4 IN (0, 3) THEN t + interval '5 days' END,
                   CASE WHEN g % 4 = 3 THEN t + interval '6 days' END, t + interval '6 days',
                   t + interval '10 days 2 hours', 'EXECUTE', 0, 1
            FROM generate_series(1, {rows}) AS g
            CROSS JOIN LATERAL (SELECT timestamptz '2025-01-01 00:00:00+00' + g * interval '31 seconds' AS t,
                   (ARRAY['NL-NHTC', 'FR-OFAC', 'BE-FCCU', 'AT-BK', 'PL-CBZC', 'ES-CNP', 'IT-PP', 'US-FBI'])[1 + g % 8]
                       AS partner) AS v
            """;

    private static final String SEED_ITEMS = """
            INSERT INTO evidence_request_item (request_id, position, item_id, item_type, value, port, observed_at)
            SELECT id, 0, gen_random_uuid(), 'IP_ADDRESS', '203.0.113.' || (abs(hashtext(reference)) % 250), 443,
                   created_at
            FROM evidence_request
            """;
}
