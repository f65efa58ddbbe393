package avmon.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small self-contained SVG charts for the HTML report: no script, no fonts to fetch, no network, so the
 * report opens anywhere. Two kinds: a line chart (series over x, linear or log axes, horizontal reference
 * lines such as a quota) and a stacked horizontal bar chart (a cost breakdown per design).
 */
public final class SvgChart {

    /** Colours that stay apart for readers with the common colour-vision deficiencies (Okabe-Ito). */
    static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"};

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int LEFT = 70;
    private static final int RIGHT = 170;
    private static final int TOP = 30;
    private static final int BOTTOM = 50;

    private SvgChart() {
    }

    /** A named line of points. */
    public record Series(String name, List<double[]> points) {
    }

    /** A horizontal line at {@code y} with a label, e.g. a quota. */
    public record Reference(String label, double y) {
    }

    /** One bar of a stacked bar chart: its label and its parts. */
    public record Bar(String label, List<String> partNames, List<Double> partValues) {
    }

    /**
     * A line chart.
     *
     * @param logX, logY whether an axis is logarithmic (all values on it must be positive)
     */
    public static String lines(String title, String xLabel, String yLabel, List<Series> series,
                               List<Reference> references, boolean logX, boolean logY) {
        double[] xr = range(series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[0]).toArray(), logX);
        double[] ys = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[1]).toArray();
        double[] refs = references.stream().mapToDouble(Reference::y).toArray();
        double[] yr = range(concat(ys, refs), logY);
        Axis x = new Axis(xr[0], xr[1], logX, LEFT, WIDTH - RIGHT);
        Axis y = new Axis(yr[0], yr[1], logY, HEIGHT - BOTTOM, TOP);

        StringBuilder svg = open(title);
        axes(svg, x, y, xLabel, yLabel);
        int i = 0;
        for (Series s : series) {
            String colour = PALETTE[i % PALETTE.length];
            StringBuilder points = new StringBuilder();
            for (double[] p : s.points()) {
                points.append(fmt(x.map(p[0]))).append(',').append(fmt(y.map(p[1]))).append(' ');
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                    .append(points.toString().strip()).append("\"><title>").append(escape(s.name()))
                    .append("</title></polyline>\n");
            legend(svg, i, colour, s.name(), false);
            i++;
        }
        for (Reference r : references) {
            double py = y.map(r.y());
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(fmt(py)).append("\" y2=\"").append(fmt(py))
                    .append("\" stroke=\"#444\" stroke-dasharray=\"6 4\"/>\n");
            text(svg, WIDTH - RIGHT + 4, py + 4, "start", 11, r.label());
        }
        return svg.append("</svg>\n").toString();
    }

    /** A stacked horizontal bar chart, one bar per label, parts coloured consistently across bars. */
    public static String stackedBars(String title, String valueLabel, List<Bar> bars) {
        double max = bars.stream().mapToDouble(b -> b.partValues().stream().mapToDouble(Double::doubleValue).sum())
                .max().orElse(1);
        Axis x = new Axis(0, max <= 0 ? 1 : max, false, LEFT + 110, WIDTH - RIGHT);
        List<String> parts = new ArrayList<>();
        bars.forEach(b -> b.partNames().forEach(n -> {
            if (!parts.contains(n)) {
                parts.add(n);
            }
        }));
        int rowHeight = Math.max(18, (HEIGHT - TOP - BOTTOM) / Math.max(1, bars.size()));
        StringBuilder svg = open(title);
        for (int row = 0; row < bars.size(); row++) {
            Bar bar = bars.get(row);
            double top = TOP + row * rowHeight + 3;
            text(svg, LEFT + 104, top + rowHeight / 2.0, "end", 11, bar.label());
            double at = x.map(0);
            for (int k = 0; k < bar.partNames().size(); k++) {
                double w = x.map(bar.partValues().get(k)) - x.map(0);
                String colour = PALETTE[parts.indexOf(bar.partNames().get(k)) % PALETTE.length];
                svg.append("<rect x=\"").append(fmt(at)).append("\" y=\"").append(fmt(top)).append("\" width=\"")
                        .append(fmt(Math.max(0, w))).append("\" height=\"").append(rowHeight - 6).append("\" fill=\"")
                        .append(colour).append("\"><title>").append(escape(bar.partNames().get(k))).append(": ")
                        .append(String.format(Locale.ROOT, "%.6g", bar.partValues().get(k))).append("</title></rect>\n");
                at += Math.max(0, w);
            }
        }
        for (int k = 0; k < parts.size(); k++) {
            legend(svg, k, PALETTE[k % PALETTE.length], parts.get(k), true);
        }
        ticks(svg, x, HEIGHT - BOTTOM, true);
        text(svg, (x.from + x.to) / 2, HEIGHT - 8, "middle", 12, valueLabel);
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String title) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" font-family=\"sans-serif\" role=\"img\">\n<title>").append(escape(title)).append("</title>\n");
        text(svg, WIDTH / 2.0, 18, "middle", 14, title);
        return svg;
    }

    private static void axes(StringBuilder svg, Axis x, Axis y, String xLabel, String yLabel) {
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#000\"/>\n");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#000\"/>\n");
        ticks(svg, x, HEIGHT - BOTTOM, true);
        ticks(svg, y, LEFT, false);
        text(svg, (LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 8, "middle", 12, xLabel);
        svg.append("<text x=\"14\" y=\"").append(fmt((TOP + HEIGHT - BOTTOM) / 2.0))
                .append("\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(fmt((TOP + HEIGHT - BOTTOM) / 2.0)).append(")\">").append(escape(yLabel)).append("</text>\n");
    }

    private static void ticks(StringBuilder svg, Axis a, double at, boolean horizontal) {
        for (double v : a.ticks()) {
            double p = a.map(v);
            if (horizontal) {
                text(svg, p, at + 16, "middle", 10, label(v));
            } else {
                text(svg, at - 6, p + 3, "end", 10, label(v));
                svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                        .append(fmt(p)).append("\" y2=\"").append(fmt(p)).append("\" stroke=\"#eee\"/>\n");
            }
        }
    }

    private static void legend(StringBuilder svg, int i, String colour, String name, boolean box) {
        double y = TOP + 10 + i * 18;
        int x = WIDTH - RIGHT + 10;
        if (box) {
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(fmt(y - 8)).append("\" width=\"12\" height=\"10\" fill=\"")
                    .append(colour).append("\"/>\n");
        } else {
            svg.append("<line x1=\"").append(x).append("\" x2=\"").append(x + 14).append("\" y1=\"").append(fmt(y - 3))
                    .append("\" y2=\"").append(fmt(y - 3)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"2\"/>\n");
        }
        text(svg, x + 18, y, "start", 11, name);
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, int size, String s) {
        svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" font-size=\"").append(size)
                .append("\" text-anchor=\"").append(anchor).append("\">").append(escape(s)).append("</text>\n");
    }

    private static double[] range(double[] values, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v) && (!log || v > 0)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return log ? new double[] {1, 10} : new double[] {0, 1};
        }
        if (log) {
            double lower = Math.pow(10, Math.floor(Math.log10(lo)));
            double upper = Math.pow(10, Math.ceil(Math.log10(hi) - 1e-9));
            return new double[] {lower, upper > lower ? upper : lower * 10};
        }
        lo = Math.min(0, lo);
        return new double[] {lo, hi <= lo ? lo + 1 : hi * 1.05};
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = new double[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static String label(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return significant(v / 1e6) + "M";
        }
        if (a >= 1e3) {
            return significant(v / 1e3) + "k";
        }
        return significant(v);
    }

    /** Three significant digits, without trailing zeros. */
    private static String significant(double v) {
        if (v == 0) {
            return "0";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Maps data values to pixels along one axis. */
    private record Axis(double min, double max, boolean log, double from, double to) {

        double map(double v) {
            double t = log ? (Math.log10(Math.max(v, min)) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                    : (v - min) / (max - min);
            return from + t * (to - from);
        }

        List<Double> ticks() {
            List<Double> t = new ArrayList<>();
            if (log) {
                for (double v = min; v <= max * 1.0001; v *= 10) {
                    t.add(v);
                }
            } else {
                double step = niceStep((max - min) / 5);
                for (double v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
                    t.add(v);
                }
            }
            return t;
        }

        private static double niceStep(double raw) {
            double p = Math.pow(10, Math.floor(Math.log10(raw)));
            double f = raw / p;
            return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * p;
        }
    }
}
