package org.casebridge.exports.app;

import java.io.IOException;
import java.sql.SQLException;
import org.casebridge.exports.persistence.RowCursor;

/** Copies the rows of a cursor into a table writer: the one export path for downloads, jobs and the benchmark. */
public final class TableExport {

    /** Told how many rows are written so far. */
    @FunctionalInterface
    public interface Progress {
        void rowsWritten(long rows) throws IOException;
    }

    private TableExport() {
    }

    /**
     * Writes every remaining row of the cursor.
     *
     * @param every how many rows between calls of {@code progress}; it is also called once at the end
     * @return the number of rows written
     */
    public static long copy(RowCursor cursor, TableWriter writer, long every, Progress progress)
            throws SQLException, IOException {
        long rows = 0;
        while (cursor.next()) {
            writer.row(cursor.values());
            rows++;
            if (rows % every == 0) {
                progress.rowsWritten(rows);
            }
        }
        writer.close();
        progress.rowsWritten(rows);
        return rows;
    }
}
