package org.casebridge.exports.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.casebridge.exports.domain.ExportFormat;
import org.casebridge.exports.persistence.RowCursor;
import org.casebridge.exports.persistence.TableQuery;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * An export as a stream of byte chunks for an HTTP response. A chunk is produced only when the client has taken the
 * one before (Reactor's demand), so a slow client slows the database cursor down instead of filling memory.
 */
final class ChunkedTableStream {

    /** Bytes per chunk, about; a row never splits across chunks. */
    static final int CHUNK_BYTES = 64 * 1024;
    private static final int ROWS_BETWEEN_FLUSHES = 256;

    private ChunkedTableStream() {
    }

    /**
     * The chunks of the query's rows in the format. The connection is taken when the response starts and given back
     * when it ends, fails or is cancelled; so is the permit.
     */
    static Flux<byte[]> of(DataSource dataSource, TableQuery query, ExportFormat format, Semaphore permits) {
        return Flux.<byte[], State>generate(() -> State.open(dataSource, query, format), (state, sink) -> {
            try {
                byte[] chunk = state.nextChunk();
                if (chunk.length > 0) {
                    sink.next(chunk);
                }
                if (state.done) {
                    sink.complete();
                }
            } catch (SQLException | IOException e) {
                sink.error(e);
            }
            return state;
        }, State::close).subscribeOn(Schedulers.boundedElastic()).doFinally(signal -> permits.release());
    }

    private static final class State {

        private final RowCursor cursor;
        private final Buffer buffer = new Buffer();
        private final TableWriter writer;
        private boolean done;

        private State(RowCursor cursor, ExportFormat format, TableQuery query) throws IOException {
            this.cursor = cursor;
            this.writer = TableWriter.open(format, query.columns(), buffer);
        }

        static State open(DataSource dataSource, TableQuery query, ExportFormat format) {
            try {
                RowCursor cursor = RowCursor.open(dataSource, query, RowCursor.DEFAULT_FETCH_SIZE);
                try {
                    return new State(cursor, format, query);
                } catch (IOException | RuntimeException e) {
                    cursor.close();
                    throw e;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("export query failed: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] nextChunk() throws SQLException, IOException {
            while (!done && buffer.size() < CHUNK_BYTES) {
                // The writers buffer text themselves; flushing every few hundred rows shows how far the chunk got.
                for (int i = 0; i < ROWS_BETWEEN_FLUSHES; i++) {
                    if (!cursor.next()) {
                        done = true;
                        break;
                    }
                    writer.row(cursor.values());
                }
                writer.flush();
            }
            return buffer.drain();
        }

        void close() {
            try {
                cursor.close();
            } catch (SQLException e) {
                // The response is over either way; the pool discards a broken connection.
            }
        }
    }

    /** A byte buffer emptied after each chunk, so its array is reused. */
    private static final class Buffer extends ByteArrayOutputStream {

        Buffer() {
            super(CHUNK_BYTES + 8192);
        }

        byte[] drain() {
            byte[] chunk = Arrays.copyOf(buf, count);
            reset();
            return chunk;
        }
    }
}
