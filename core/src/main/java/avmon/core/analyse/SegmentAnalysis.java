package avmon.core.analyse;

import avmon.core.detect.AnalysisState;
import avmon.core.detect.Defect;
import avmon.core.detect.Detector;
import avmon.core.detect.DetectorSettings;
import avmon.core.detect.StreamAnalyzer;
import avmon.core.media.AudioBuffer;
import avmon.core.media.MediaSample;
import avmon.core.store.FrameStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs one detector over one segment from a {@link FrameStore}: reads only what the detector uses (pictures,
 * audio or both), restores its state, feeds the samples in time order, and hands the new state back. The
 * same {@link StreamAnalyzer} and detectors as the monolith, so both designs find the same defects.
 */
public final class SegmentAnalysis {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FrameStore store;
    private final DetectorSettings settings;

    public SegmentAnalysis(FrameStore store, DetectorSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /**
     * Analyses the segment.
     *
     * @throws IllegalArgumentException for an unknown detector or a state that does not fit it
     * @throws avmon.core.store.MissingObjectException when a stored frame or the audio is gone
     */
    public AnalyseResult analyse(AnalyseRequest request) {
        Detector<?> detector = settings.detectors(List.of(request.detector().name())).get(0);
        List<Detector<?>> one = List.of(detector);
        AnalysisState state = request.detector().state() == null || request.detector().state().isNull()
                ? AnalysisState.initial(one)
                : AnalysisState.fromJson(JSON.createObjectNode().set(detector.name(), request.detector().state())
                        .toString(), one);
        List<Defect> defects = new ArrayList<>();
        StreamAnalyzer analyzer = new StreamAnalyzer(one, state, defects::add);
        for (MediaSample sample : samples(detector, request)) {
            analyzer.accept(sample);
        }
        if (request.last()) {
            analyzer.end(request.end());
        }
        // The state first: a detector that judges pictures in batches reports what it held back as it is taken.
        DetectorRun run = new DetectorRun(detector.name(), stateOf(analyzer, detector.name()));
        return new AnalyseResult(run, defects);
    }

    /** The samples the detector uses, in presentation order (audio before a picture of the same time). */
    private List<MediaSample> samples(Detector<?> detector, AnalyseRequest request) {
        List<MediaSample> samples = new ArrayList<>();
        if (detector.usesAudio()) {
            AudioBuffer audio = store.audio(request.manifest());
            if (audio != null) {
                samples.add(audio);
            }
        }
        if (detector.usesVideo()) {
            samples.addAll(store.frames(request.manifest()));
        }
        samples.sort(Comparator.comparingDouble(MediaSample::time));
        return samples;
    }

    private static com.fasterxml.jackson.databind.JsonNode stateOf(StreamAnalyzer analyzer, String name) {
        try {
            ObjectNode all = (ObjectNode) JSON.readTree(analyzer.state().toJson());
            return all.get(name);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("detector state JSON cannot be read back", e);
        }
    }
}
