package avmon.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {

    @Test
    void lines_twoSeriesAndQuota_wellFormedWithOnePolylinePerSeries() throws Exception {
        String svg = SvgChart.lines("Transitions per second", "streams", "transitions/s",
                List.of(new SvgChart.Series("serverless", List.of(new double[] {10, 50}, new double[] {1000, 5000})),
                        new SvgChart.Series("monolith <none>", List.of(new double[] {10, 1}, new double[] {1000, 1}))),
                List.of(new SvgChart.Reference("quota 1,500/s", 1500)), true, true);

        Document doc = parse(svg);
        assertEquals(2, doc.getElementsByTagName("polyline").getLength(), "one line per series");
        assertTrue(svg.contains("quota 1,500/s"), "the quota is labelled");
        assertTrue(svg.contains("monolith &lt;none&gt;"), "names are escaped");
        assertTrue(svg.contains(">1k<") && svg.contains(">10<"), "log ticks at powers of ten: " + svg);
    }

    @Test
    void stackedBars_partsShareColoursAcrossBars() throws Exception {
        String svg = SvgChart.stackedBars("Cost per stream-hour", "USD", List.of(
                new SvgChart.Bar("serverless", List.of("Step Functions", "S3 requests"), List.of(0.45, 0.49)),
                new SvgChart.Bar("monolith", List.of("Compute", "S3 requests"), List.of(0.007, 0.0))));

        Document doc = parse(svg);
        assertEquals(4 + 3, doc.getElementsByTagName("rect").getLength(), "four parts and three legend boxes");
        String s3Colour = SvgChart.PALETTE[1];
        assertEquals(2 + 1, svg.split(s3Colour, -1).length - 1, "S3 requests keep one colour in both bars and legend");
    }

    @Test
    void lines_logAxisEndingOnAPowerOfTen_stopsThere() {
        String svg = SvgChart.lines("t", "x", "y",
                List.of(new SvgChart.Series("s", List.of(new double[] {1, 1}, new double[] {100_000, 1}))), List.of(),
                true, true);

        assertTrue(svg.contains(">100k<"), "the last tick is the last value");
        assertTrue(!svg.contains(">1M<"), "no empty decade after it: " + svg);
    }

    @Test
    void label_largeAndSmallValues_readable() {
        assertEquals("1.5k", SvgChart.label(1500));
        assertEquals("2.16M", SvgChart.label(2_160_000));
        assertEquals("0.00705", SvgChart.label(0.00705));
        assertEquals("0", SvgChart.label(0));
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
