package org.casebridge.directory;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A partner directory document that must not be used. Lists every problem found, not only the first, so an
 * operator can fix a new version in one pass; each problem names the entry and the field.
 */
public final class DirectoryValidationException extends RuntimeException {

    private final String source;
    private final List<Problem> problems;

    public DirectoryValidationException(String source, List<Problem> problems) {
        super(describe(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** Where the document came from (a file path or classpath resource). */
    public String source() {
        return source;
    }

    /** Every problem, in document order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String source, List<Problem> problems) {
        return "partner directory " + source + " is invalid (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }

    /**
     * One problem in the document.
     *
     * @param index   position of the entry in {@code agencies} (0-based), or -1 for a document-level field
     * @param code    the entry's agency code if it has one, else null
     * @param field   the offending field, e.g. {@code timeZone} or {@code contact.email}
     * @param message what is wrong with it
     */
    public record Problem(int index, String code, String field, String message) {

        /** A problem with a top-level field of the document. */
        public static Problem document(String field, String message) {
            return new Problem(-1, null, field, message);
        }

        @Override
        public String toString() {
            String where = index < 0 ? "document" : "agencies[" + index + "]" + (code == null ? "" : " (" + code + ")");
            return where + " field '" + field + "': " + message;
        }
    }
}
