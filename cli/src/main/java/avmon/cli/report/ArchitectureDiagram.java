package avmon.cli.report;

import java.util.Locale;

/** The two designs drawn as boxes and arrows, inline SVG, for the HTML report. */
final class ArchitectureDiagram {

    private static final int HEIGHT = 150;

    private ArchitectureDiagram() {
    }

    /** The serverless pipeline: per segment, a Step Functions execution drives three functions through S3. */
    static String serverless(int detectors) {
        String marker = "arrow-serverless";
        StringBuilder svg = open("Serverless design: per segment, orchestrated by Step Functions", 900, marker);
        box(svg, 10, 55, 110, 40, "HLS segment", "#eee");
        box(svg, 160, 55, 120, 40, "converter (Lambda)", "#fde0c5");
        box(svg, 320, 55, 110, 40, "S3: pictures, audio", "#d6eaf8");
        box(svg, 470, 55, 150, 40, detectors + " x detector (Lambda)", "#fde0c5");
        box(svg, 660, 55, 110, 40, "notifier (Lambda)", "#fde0c5");
        box(svg, 810, 55, 80, 40, "SNS", "#d5f5e3");
        arrow(svg, marker, 120, 75, 160, 75);
        arrow(svg, marker, 280, 75, 320, 75);
        arrow(svg, marker, 430, 75, 470, 75);
        arrow(svg, marker, 620, 75, 660, 75);
        arrow(svg, marker, 770, 75, 810, 75);
        svg.append("<rect x=\"150\" y=\"40\" width=\"630\" height=\"70\" fill=\"none\" stroke=\"#D55E00\" "
                + "stroke-dasharray=\"5 3\"/>\n");
        text(svg, 465, 130, "Step Functions execution per stream: every state entered is a billed transition");
        return svg.append("</svg>\n").toString();
    }

    /** The monolith: one process per host, many streams, pictures in memory. */
    static String monolith() {
        String marker = "arrow-monolith";
        StringBuilder svg = open("Monolith: many streams per process, pictures in memory", 900, marker);
        box(svg, 10, 55, 110, 40, "HLS streams", "#eee");
        svg.append("<rect x=\"160\" y=\"40\" width=\"560\" height=\"70\" fill=\"#f4f4f4\" stroke=\"#0072B2\"/>\n");
        box(svg, 175, 55, 120, 40, "decoder", "#fde0c5");
        box(svg, 335, 55, 120, 40, "ring buffer", "#d6eaf8");
        box(svg, 495, 55, 100, 40, "detectors", "#fde0c5");
        box(svg, 625, 55, 85, 40, "notifier", "#fde0c5");
        box(svg, 780, 55, 80, 40, "SNS", "#d5f5e3");
        arrow(svg, marker, 120, 75, 175, 75);
        arrow(svg, marker, 295, 75, 335, 75);
        arrow(svg, marker, 455, 75, 495, 75);
        arrow(svg, marker, 595, 75, 625, 75);
        arrow(svg, marker, 710, 75, 780, 75);
        text(svg, 440, 130, "ECS task or EC2 instance: copies of the process each take a share of the streams");
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String title, int width, String marker) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(HEIGHT)
                .append("\" width=\"").append(width).append("\" height=\"").append(HEIGHT)
                .append("\" font-family=\"sans-serif\" role=\"img\">\n<title>").append(SvgChart.escape(title))
                .append("</title>\n<defs><marker id=\"" + marker + "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                        + "markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\"/>"
                        + "</marker></defs>\n");
        text(svg, width / 2.0, 20, title);
        return svg;
    }

    private static void box(StringBuilder svg, int x, int y, int w, int h, String label, String fill) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"%s\" "
                + "stroke=\"#333\"/>\n", x, y, w, h, fill));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">%s"
                + "</text>\n", x + w / 2.0, y + h / 2.0 + 4, SvgChart.escape(label)));
    }

    private static void arrow(StringBuilder svg, String marker, int x1, int y1, int x2, int y2) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\" "
                + "marker-end=\"url(#%s)\"/>\n", x1, y1, x2, y2, marker));
    }

    private static void text(StringBuilder svg, double x, double y, String s) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\">%s"
                + "</text>\n", x, y, SvgChart.escape(s)));
    }
}
