package org.casebridge.exports.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats of exports. */
public enum ExportFormat {
    /** RFC 4180: UTF-8, comma-separated, CRLF line ends, a header row, quotes where needed. */
    CSV("text/csv; charset=utf-8", "csv"),
    /** JSON Lines: one JSON object per line, UTF-8, LF line ends. */
    JSONL("application/jsonl; charset=utf-8", "jsonl");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format named {@code csv} or {@code jsonl} (any case). */
    public static Optional<ExportFormat> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.name().equals(upper)).findFirst();
    }
}
