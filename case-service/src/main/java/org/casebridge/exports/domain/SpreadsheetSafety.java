package org.casebridge.exports.domain;

/**
 * Keeps text cells of an export from running as formulas when the file is opened in a spreadsheet (CSV injection).
 *
 * <p>A spreadsheet treats a cell as a formula when its text starts with {@code =}, {@code +}, {@code -} or
 * {@code @}, and some also when it starts with a tab or carriage return followed by one of those. Such a cell gets a
 * leading apostrophe, which every common spreadsheet shows as text and does not evaluate (OWASP's advice). Numbers
 * written by the export itself are not text cells and keep their sign.
 */
public final class SpreadsheetSafety {

    private SpreadsheetSafety() {
    }

    /** Whether a spreadsheet could run this text as a formula. */
    public static boolean isFormulaLike(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\uFF1D' || first == '\uFF0B' || first == '\uFF0D' || first == '\uFF20';
    }

    /** The text as a cell that cannot run: formula-like text gets a leading apostrophe, other text is unchanged. */
    public static String neutralise(String text) {
        return isFormulaLike(text) ? "'" + text : text;
    }
}
