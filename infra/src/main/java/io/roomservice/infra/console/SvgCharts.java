package io.roomservice.infra.console;

import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Map;

/**
 * Small charts drawn on the server as SVG, so a page needs no charting script: bars for counts per
 * bucket, and one line per series for values over time. Labels are escaped; every chart has a title
 * and a text description for screen readers.
 */
final class SvgCharts {

    record Point(String label, long value) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 160;
    private static final int PAD = 24;
    private static final String[] COLOURS = {"#2463eb", "#16a34a", "#d97706", "#6b7280", "#dc2626", "#7c3aed"};

    private SvgCharts() {
    }

    static String bars(String title, List<Point> points) {
        long max = Math.max(1, points.stream().mapToLong(Point::value).max().orElse(1));
        double slot = (WIDTH - 2.0 * PAD) / Math.max(1, points.size());
        StringBuilder svg = open(title, describe(points));
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            double height = (HEIGHT - 2.0 * PAD) * point.value() / max;
            svg.append(String.format(java.util.Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %d</title></rect>",
                    PAD + i * slot + 1, HEIGHT - PAD - height, Math.max(1, slot - 2), height, COLOURS[0],
                    HtmlUtils.htmlEscape(point.label()), point.value()));
        }
        return axes(svg, points, max).append("</svg>").toString();
    }

    static String lines(String title, Map<String, List<Point>> series) {
        long max = Math.max(1, series.values().stream().flatMap(List::stream).mapToLong(Point::value).max().orElse(1));
        List<Point> first = series.values().stream().findFirst().orElse(List.of());
        double step = (WIDTH - 2.0 * PAD) / Math.max(1, first.size() - 1);
        StringBuilder description = new StringBuilder();
        series.forEach((name, points) -> description.append(name).append(": ").append(describe(points)).append(". "));
        StringBuilder svg = open(title, description.toString());
        int colour = 0;
        int legendX = PAD;
        for (var entry : series.entrySet()) {
            String stroke = COLOURS[colour++ % COLOURS.length];
            StringBuilder path = new StringBuilder();
            List<Point> points = entry.getValue();
            for (int i = 0; i < points.size(); i++) {
                double x = PAD + i * step;
                double y = HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * points.get(i).value() / max;
                path.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(stroke).append("\" points=\"")
                    .append(path).append("\"><title>").append(HtmlUtils.htmlEscape(entry.getKey())).append("</title></polyline>");
            svg.append(String.format(java.util.Locale.ROOT,
                    "<text x=\"%d\" y=\"12\" font-size=\"11\" fill=\"%s\">%s</text>", legendX, darker(stroke),
                    HtmlUtils.htmlEscape(entry.getKey())));
            legendX += 12 + 7 * entry.getKey().length();
        }
        return axes(svg, first, max).append("</svg>").toString();
    }

    /** The legend's text in a darker shade of its line, so it keeps enough contrast on white. */
    private static String darker(String colour) {
        return switch (colour) {
            case "#d97706" -> "#92400e";
            case "#16a34a" -> "#166534";
            default -> colour;
        };
    }

    private static StringBuilder open(String title, String description) {
        return new StringBuilder().append(String.format(java.util.Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                        + "aria-label=\"%s\"><title>%s</title><desc>%s</desc>", WIDTH, HEIGHT, WIDTH, HEIGHT,
                HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(description)));
    }

    private static StringBuilder axes(StringBuilder svg, List<Point> points, long max) {
        svg.append(String.format(java.util.Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#374151\"/>", PAD, HEIGHT - PAD, WIDTH - PAD,
                HEIGHT - PAD));
        svg.append(String.format(java.util.Locale.ROOT,
                "<text x=\"2\" y=\"%d\" font-size=\"11\" fill=\"#374151\">%d</text>", PAD, max));
        if (!points.isEmpty()) {
            svg.append(String.format(java.util.Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#374151\">%s</text>", PAD, HEIGHT - 6,
                    HtmlUtils.htmlEscape(points.get(0).label())));
            svg.append(String.format(java.util.Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#374151\" text-anchor=\"end\">%s</text>",
                    WIDTH - PAD, HEIGHT - 6, HtmlUtils.htmlEscape(points.get(points.size() - 1).label())));
        }
        return svg;
    }

    private static String describe(List<Point> points) {
        StringBuilder text = new StringBuilder();
        for (Point point : points) {
            if (point.value() > 0) {
                text.append(point.label()).append(" ").append(point.value()).append("; ");
            }
        }
        return text.isEmpty() ? "no data" : text.toString();
    }
}
