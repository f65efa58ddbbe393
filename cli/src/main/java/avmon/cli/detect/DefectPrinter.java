package avmon.cli.detect;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.media.StreamInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes what {@code avmon detect} finds: a table for people, or one JSON object per line for programs. */
interface DefectPrinter {

    /** A source was opened and is being analysed by the named detectors. */
    void start(StreamInfo info, List<String> detectors);

    /** A defect was found. */
    void defect(String source, Defect defect);

    /** The source is done. */
    void summary(String source, List<Defect> defects, double seconds);

    static DefectPrinter of(boolean json, PrintWriter out) {
        return json ? new JsonLines(out) : new Table(out);
    }

    /** Aligned columns, times in seconds with millisecond precision. */
    final class Table implements DefectPrinter {
        private final PrintWriter out;

        Table(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void start(StreamInfo info, List<String> detectors) {
            out.println(info.source() + ": " + describe(info) + "; detectors: " + String.join(", ", detectors));
            out.printf(Locale.ROOT, "  %-17s %10s %10s %9s %9s%n", "type", "start", "end", "duration", "value");
            out.flush();
        }

        @Override
        public void defect(String source, Defect defect) {
            out.printf(Locale.ROOT, "  %-17s %10.3f %10s %9s %9s%n", defect.type().jsonName(), defect.start(),
                    defect.end() == null ? "(open)" : String.format(Locale.ROOT, "%.3f", defect.end()),
                    defect.end() == null ? "" : String.format(Locale.ROOT, "%.3f", defect.duration()),
                    defect.value() == null ? "" : String.format(Locale.ROOT, "%+.3f", defect.value()));
            out.flush();
        }

        @Override
        public void summary(String source, List<Defect> defects, double seconds) {
            Map<String, Integer> byType = countByType(defects);
            out.printf(Locale.ROOT, "%s: %d defect%s%s in %.2f s of stream%n", source, defects.size(),
                    defects.size() == 1 ? "" : "s", byType.isEmpty() ? "" : " " + byType, seconds);
            out.flush();
        }

        private static String describe(StreamInfo info) {
            String video = info.hasVideo()
                    ? String.format(Locale.ROOT, "video %dx%d %.2f fps %s", info.width(), info.height(),
                            info.frameRate(), info.videoCodec())
                    : "no video";
            String audio = info.hasAudio()
                    ? String.format(Locale.ROOT, "audio %d Hz %d ch %s", info.sampleRate(), info.channels(),
                            info.audioCodec())
                    : "no audio";
            return video + ", " + audio;
        }
    }

    /** One JSON object per line: {@code "event"} is {@code "defect"} or {@code "summary"}. */
    final class JsonLines implements DefectPrinter {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final PrintWriter out;

        JsonLines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void start(StreamInfo info, List<String> detectors) {
            // The summary line says what ran; nothing to print before the first defect.
        }

        @Override
        public void defect(String source, Defect defect) {
            ObjectNode line = JSON.createObjectNode().put("event", "defect").put("source", source);
            line.setAll((ObjectNode) JSON.valueToTree(defect));
            print(line);
        }

        @Override
        public void summary(String source, List<Defect> defects, double seconds) {
            ObjectNode line = JSON.createObjectNode().put("event", "summary").put("source", source)
                    .put("defects", defects.size()).put("seconds", seconds);
            line.set("byType", JSON.valueToTree(countByType(defects)));
            print(line);
        }

        private void print(ObjectNode line) {
            try {
                out.println(JSON.writeValueAsString(line));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("defect cannot be written as JSON", e);
            }
            out.flush();
        }
    }

    private static Map<String, Integer> countByType(List<Defect> defects) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Defect defect : defects) {
            counts.merge(defect.type().jsonName(), 1, Integer::sum);
        }
        return counts;
    }
}
