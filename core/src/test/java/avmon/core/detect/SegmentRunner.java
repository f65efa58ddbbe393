package avmon.core.detect;

import avmon.core.media.MediaSample;
import java.util.ArrayList;
import java.util.List;

/** Feeds samples to a {@link StreamAnalyzer} in pieces, with its state written to JSON and read back between. */
final class SegmentRunner {

    private SegmentRunner() {
    }

    /** Analyses {@code samples} cut before each of the given sample indices. */
    static List<Defect> inSegments(List<? extends Detector<?>> detectors, List<? extends MediaSample> samples,
                                   double endTime, int... cuts) {
        List<Defect> found = new ArrayList<>();
        String json = AnalysisState.initial(detectors).toJson();
        int from = 0;
        for (int c = 0; c <= cuts.length; c++) {
            int to = c < cuts.length ? cuts[c] : samples.size();
            StreamAnalyzer analyzer = new StreamAnalyzer(detectors, AnalysisState.fromJson(json, detectors), found::add);
            samples.subList(from, to).forEach(analyzer::accept);
            if (c == cuts.length) {
                analyzer.end(endTime);
            }
            json = analyzer.state().toJson();
            from = to;
        }
        return found;
    }

    /** Analyses {@code samples} in one piece. */
    static List<Defect> whole(List<? extends Detector<?>> detectors, List<? extends MediaSample> samples,
                              double endTime) {
        List<Defect> found = new ArrayList<>();
        StreamAnalyzer analyzer = new StreamAnalyzer(detectors, found::add);
        samples.forEach(analyzer::accept);
        analyzer.end(endTime);
        return found;
    }
}
