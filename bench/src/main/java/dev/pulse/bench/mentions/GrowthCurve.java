package dev.pulse.bench.mentions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * p99 against corpus size for the index path, the cache path and the naive baseline: printed as a table (overall and
 * by prefix length, with each size's growth over the size before it) and drawn as an SVG with both axes logarithmic.
 */
final class GrowthCurve {
    static final List<String> PATHS = List.of("index", "cache", "naive");
    /** Prefix-length buckets, as {@link Latencies#byLength()} prints them. */
    static final int[][] LENGTHS = {{1, 1}, {2, 2}, {3, 4}, {5, 7}, {8, Integer.MAX_VALUE}};

    static final String[] LENGTH_NAMES = {"1", "2", "3-4", "5-7", "8+"};

    private static final String[] COLOURS = {"#1f77b4", "#2ca02c", "#d62728"};

    private final Map<Integer, Map<String, Latencies>> all;

    GrowthCurve(Map<Integer, Map<String, Latencies>> all) {
        this.all = all;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append("| pages | path | p50 ms | p99 ms | p99 by prefix length 1 / 2 / 3-4 / 5-7 / 8+ ms | n |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (var size : all.entrySet()) {
            for (String path : PATHS) {
                Latencies l = size.getValue().get(path);
                List<String> byLength = new ArrayList<>();
                for (int[] range : LENGTHS) {
                    byLength.add(String.format(Locale.ROOT, "%.2f", l.p99ForLengths(range[0], range[1])));
                }
                out.append(String.format(
                        Locale.ROOT,
                        "| %,d | %s | %.2f | %.2f | %s | %d |%n",
                        size.getKey(),
                        path,
                        l.percentileMs(50),
                        l.percentileMs(99),
                        String.join(" / ", byLength),
                        l.count()));
            }
        }
        List<Integer> sizes = new ArrayList<>(all.keySet());
        for (int i = 1; i < sizes.size(); i++) {
            for (String path : PATHS) {
                out.append(String.format(
                        Locale.ROOT,
                        "growth %s %,d -> %,d: p99 x%.2f, by prefix length %s%n",
                        path,
                        sizes.get(i - 1),
                        sizes.get(i),
                        growth(path, sizes.get(i - 1), sizes.get(i)),
                        String.join(" / ", byLengthGrowth(path, sizes.get(i - 1), sizes.get(i)))));
            }
        }
        return out.toString();
    }

    /** p99 at {@code to} over p99 at {@code from} for one path. */
    double growth(String path, int from, int to) {
        return all.get(to).get(path).percentileMs(99) / all.get(from).get(path).percentileMs(99);
    }

    /** The largest p99 growth from {@code from} to {@code to} over the prefix-length buckets. */
    double worstLengthGrowth(String path, int from, int to) {
        double worst = 0;
        for (int[] range : LENGTHS) {
            double g = all.get(to).get(path).p99ForLengths(range[0], range[1])
                    / all.get(from).get(path).p99ForLengths(range[0], range[1]);
            worst = Double.isNaN(g) ? worst : Math.max(worst, g);
        }
        return worst;
    }

    private List<String> byLengthGrowth(String path, int from, int to) {
        List<String> growth = new ArrayList<>();
        for (int i = 0; i < LENGTHS.length; i++) {
            double g = all.get(to).get(path).p99ForLengths(LENGTHS[i][0], LENGTHS[i][1])
                    / all.get(from).get(path).p99ForLengths(LENGTHS[i][0], LENGTHS[i][1]);
            growth.add(String.format(Locale.ROOT, "%s=x%.2f", LENGTH_NAMES[i], g));
        }
        return growth;
    }

    /** The curve as an SVG: log10(pages) across, log10(p99 ms) up, one line per path. */
    void writeSvg(Path file, String subtitle) throws IOException {
        int width = 640;
        int height = 420;
        int left = 70;
        int right = 150;
        int top = 50;
        int bottom = 60;
        List<Integer> sizes = new ArrayList<>(all.keySet());
        double minX = Math.log10(sizes.getFirst());
        double maxX = Math.log10(sizes.getLast());
        if (maxX - minX < 1e-9) {
            maxX = minX + 1;
        }
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (var size : all.values()) {
            for (String path : PATHS) {
                double y = Math.log10(Math.max(0.01, size.get(path).percentileMs(99)));
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        minY = Math.floor(minY);
        maxY = Math.ceil(maxY);
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                width,
                height));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"22\" font-size=\"15\">Mentions p99 by corpus size (log-log)</text>%n"
                        + "<text x=\"%d\" y=\"40\" fill=\"#555\">%s</text>%n",
                left,
                left,
                escape(subtitle)));
        for (double y = minY; y <= maxY + 1e-9; y++) {
            double py = top + plotH - (y - minY) / (maxY - minY) * plotH;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n",
                    left,
                    py,
                    left + plotW,
                    py,
                    left - 6,
                    py + 4,
                    trim(Math.pow(10, y))));
        }
        for (int size : sizes) {
            double px = left + (Math.log10(size) - minX) / (maxX - minX) * plotW;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s pages</text>%n",
                    px,
                    top,
                    px,
                    top + plotH,
                    px,
                    top + plotH + 18,
                    pages(size)));
        }
        for (int p = 0; p < PATHS.size(); p++) {
            StringBuilder points = new StringBuilder();
            for (int size : sizes) {
                double ms = all.get(size).get(PATHS.get(p)).percentileMs(99);
                double px = left + (Math.log10(size) - minX) / (maxX - minX) * plotW;
                double py = top + plotH - (Math.log10(Math.max(0.01, ms)) - minY) / (maxY - minY) * plotH;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                svg.append(String.format(
                        Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>"
                                + "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" font-size=\"11\">%.2f</text>%n",
                        px,
                        py,
                        COLOURS[p],
                        px + 6,
                        py - 6,
                        COLOURS[p],
                        ms));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    points.toString().strip(),
                    COLOURS[p]));
            double ly = top + 20 + p * 20;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>"
                            + "<text x=\"%.1f\" y=\"%.1f\">%s path p99</text>%n",
                    left + plotW + 15,
                    ly,
                    left + plotW + 35,
                    ly,
                    COLOURS[p],
                    left + plotW + 40,
                    ly + 4,
                    PATHS.get(p)));
        }
        svg.append("</svg>\n");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, svg);
    }

    private static String pages(int size) {
        return size >= 1_000_000 ? size / 1_000_000 + "M" : size >= 1_000 ? size / 1_000 + "k" : String.valueOf(size);
    }

    private static String trim(double value) {
        return value >= 1 ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
