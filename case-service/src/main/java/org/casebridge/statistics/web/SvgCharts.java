package org.casebridge.statistics.web;

import java.util.List;
import java.util.Locale;

/**
 * Charts as SVG markup rendered on the server: no script, no inline style (the console's content security policy
 * allows neither), colours by CSS class with presentation attributes as a fallback. Every chart has a title and a
 * description for screen readers; the page shows the same figures in a table as well.
 */
public final class SvgCharts {

    private static final int WIDTH = 640;
    private static final int ROW = 26;
    private static final int LABEL_WIDTH = 190;
    private static final int VALUE_WIDTH = 70;

    private SvgCharts() {
    }

    /**
     * One bar: a label and a value; a null value is a suppressed count, drawn as an empty outline.
     *
     * @param label the category, partner or period
     * @param value the count, or null if suppressed
     */
    public record Bar(String label, Number value) {
    }

    /**
     * A bar of stacked parts (for deadline compliance: on time, late, pending).
     *
     * @param label the group
     * @param parts the values, in the order of the chart's part names; null where suppressed
     */
    public record Stack(String label, List<Number> parts) {
    }

    /** Horizontal bars, one per label, longest to scale. */
    public static String bars(String title, String labelledBy, List<Bar> bars) {
        double max = bars.stream().map(Bar::value).filter(v -> v != null).mapToDouble(Number::doubleValue)
                .max().orElse(0);
        int height = Math.max(1, bars.size()) * ROW + 10;
        StringBuilder svg = open(title, labelledBy, height, bars.isEmpty() ? "no data" : bars.size() + " bars");
        int y = 5;
        for (Bar bar : bars) {
            svg.append(label(bar.label(), y));
            int span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
            if (bar.value() == null) {
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"chart-suppressed\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                                + " stroke=\"#888\" stroke-dasharray=\"4 3\"/>", LABEL_WIDTH, y + 3, span / 4, ROW - 8));
                svg.append(value("suppressed", LABEL_WIDTH + span / 4 + 6, y));
            } else {
                int length = max <= 0 ? 0 : (int) Math.round(span * bar.value().doubleValue() / max);
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"chart-bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#2f6fb0\">"
                                + "<title>%s: %s</title></rect>", LABEL_WIDTH, y + 3, Math.max(length, 1), ROW - 8,
                        escape(bar.label()), format(bar.value())));
                svg.append(value(format(bar.value()), LABEL_WIDTH + length + 6, y));
            }
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    /** Vertical columns over periods, for a time series. */
    public static String series(String title, String labelledBy, List<Bar> periods) {
        int height = 220;
        int bottom = height - 40;
        double max = periods.stream().map(Bar::value).filter(v -> v != null).mapToDouble(Number::doubleValue)
                .max().orElse(0);
        StringBuilder svg = open(title, labelledBy, height, periods.isEmpty() ? "no data" : periods.size() + " periods");
        svg.append(String.format(Locale.ROOT, "<line class=\"chart-axis\" x1=\"40\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
                + " stroke=\"#555\"/>", bottom, WIDTH - 10, bottom));
        svg.append(String.format(Locale.ROOT, "<text class=\"chart-value\" x=\"36\" y=\"20\" text-anchor=\"end\""
                + " font-size=\"11\">%s</text>", format(max)));
        int n = Math.max(1, periods.size());
        double step = (WIDTH - 60) / (double) n;
        int labelEvery = Math.max(1, (int) Math.ceil(n / 12.0));
        for (int i = 0; i < periods.size(); i++) {
            Bar period = periods.get(i);
            double x = 45 + i * step;
            double width = Math.max(2, step * 0.7);
            if (period.value() == null) {
                svg.append(String.format(Locale.ROOT, "<rect class=\"chart-suppressed\" x=\"%.1f\" y=\"%d\""
                        + " width=\"%.1f\" height=\"12\" fill=\"none\" stroke=\"#888\" stroke-dasharray=\"3 2\">"
                        + "<title>%s: suppressed</title></rect>", x, bottom - 12, width, escape(period.label())));
            } else {
                double h = max <= 0 ? 0 : (bottom - 25) * period.value().doubleValue() / max;
                svg.append(String.format(Locale.ROOT, "<rect class=\"chart-bar\" x=\"%.1f\" y=\"%.1f\""
                                + " width=\"%.1f\" height=\"%.1f\" fill=\"#2f6fb0\"><title>%s: %s</title></rect>",
                        x, bottom - h, width, Math.max(h, 0.5), escape(period.label()), format(period.value())));
            }
            if (i % labelEvery == 0) {
                svg.append(String.format(Locale.ROOT, "<text class=\"chart-label\" x=\"%.1f\" y=\"%d\""
                        + " font-size=\"11\" text-anchor=\"middle\">%s</text>", x + width / 2, bottom + 16,
                        escape(period.label())));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal stacked bars with a legend, e.g. on time / late / pending per instrument. */
    public static String stacked(String title, String labelledBy, List<String> partNames, List<Stack> stacks) {
        String[] classes = {"chart-good", "chart-bad", "chart-neutral", "chart-bar"};
        String[] fills = {"#2e8540", "#c0392b", "#9aa5b1", "#2f6fb0"};
        double max = stacks.stream().mapToDouble(stack -> stack.parts().stream().filter(v -> v != null)
                .mapToDouble(Number::doubleValue).sum()).max().orElse(0);
        int height = (Math.max(1, stacks.size()) + 1) * ROW + 10;
        StringBuilder svg = open(title, labelledBy, height, String.join(", ", partNames));
        int x = LABEL_WIDTH;
        for (int p = 0; p < partNames.size(); p++) {
            svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%d\" y=\"8\" width=\"12\" height=\"12\""
                    + " fill=\"%s\"/><text class=\"chart-label\" x=\"%d\" y=\"18\" font-size=\"12\">%s</text>",
                    classes[p % classes.length], x, fills[p % fills.length], x + 16, escape(partNames.get(p))));
            x += 16 + 8 * partNames.get(p).length() + 20;
        }
        int y = ROW + 5;
        int span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        for (Stack stack : stacks) {
            svg.append(label(stack.label(), y));
            double offset = LABEL_WIDTH;
            boolean hidden = false;
            for (int p = 0; p < stack.parts().size(); p++) {
                Number part = stack.parts().get(p);
                if (part == null) {
                    hidden = true;
                    continue;
                }
                double length = max <= 0 ? 0 : span * part.doubleValue() / max;
                if (length > 0) {
                    svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\""
                                    + " height=\"%d\" fill=\"%s\"><title>%s, %s: %s</title></rect>",
                            classes[p % classes.length], offset, y + 3, length, ROW - 8, fills[p % fills.length],
                            escape(stack.label()), escape(partNames.get(p)), format(part)));
                }
                offset += length;
            }
            if (hidden) {
                svg.append(value("some suppressed", (int) offset + 6, y));
            }
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    /** The opening tag; {@code labelledBy} names the id of a visible heading that labels the chart, or is null. */
    private static StringBuilder open(String title, String labelledBy, int height, String description) {
        String label = labelledBy == null ? "" : " aria-labelledby=\"" + escape(labelledBy) + "\"";
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\""
                        + " class=\"chart\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\"%s>"
                        + "<title>%s</title><desc>%s</desc>", WIDTH, height, label, escape(title),
                escape(description)));
    }

    private static String label(String text, int y) {
        return String.format(Locale.ROOT, "<text class=\"chart-label\" x=\"%d\" y=\"%d\" font-size=\"12\""
                + " text-anchor=\"end\">%s</text>", LABEL_WIDTH - 8, y + ROW / 2 + 4, escape(text));
    }

    private static String value(String text, int x, int y) {
        return String.format(Locale.ROOT, "<text class=\"chart-value\" x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>",
                x, y + ROW / 2 + 4, escape(text));
    }

    private static String format(Number value) {
        double v = value.doubleValue();
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v)
                : String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String format(double value) {
        return format((Number) value);
    }

    /** Text for XML content and attributes. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
