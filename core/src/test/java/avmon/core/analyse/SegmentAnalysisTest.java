package avmon.core.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.convert.ConvertRequest;
import avmon.core.convert.ConvertResult;
import avmon.core.convert.SegmentConverter;
import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.detect.DetectorSettings;
import avmon.core.detect.StreamAnalyzer;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaOptions;
import avmon.core.source.FileSourceFetcher;
import avmon.core.store.InMemoryFrameStore;
import avmon.core.store.MissingObjectException;
import avmon.core.synth.GeneratedStream;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serverless detector step, run the way the workflow runs it: one detector per call, frames through the
 * store as PNG, state through JSON between calls. It must find exactly what the monolith's in-memory analysis of
 * the same stream finds. Seed 42 is the stream whose freeze JPEG frames once lost (a freeze across a segment
 * boundary whose decoded pictures differ very slightly).
 */
class SegmentAnalysisTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static GeneratedStream stream;

    @BeforeAll
    static void generate() throws Exception {
        stream = new StreamGenerator().generate(StreamSpec.of("seg", 42).withDuration(10).withSize(320, 180)
                .with(InjectedDefect.of(DefectType.FREEZE, 1.5, 3.0),
                        InjectedDefect.of(DefectType.SILENCE, 4.5, 2.5),
                        InjectedDefect.of(DefectType.BLACK, 7.0, 2.2)), dir.resolve("streams"));
    }

    @Test
    void analyse_segmentBySegmentThroughStoreAndJson_findsWhatWholeStreamAnalysisFinds() throws Exception {
        InMemoryFrameStore store = new InMemoryFrameStore();
        SegmentConverter converter = new SegmentConverter(new FileSourceFetcher(), store, MediaOptions.defaults(),
                dir.resolve("work"));
        SegmentAnalysis analysis = new SegmentAnalysis(store, DetectorSettings.DEFAULTS);

        Map<String, DetectorRun> runs = new LinkedHashMap<>();
        DetectorSettings.NAMES.forEach(n -> runs.put(n, new DetectorRun(n, null)));
        List<Defect> found = new ArrayList<>();
        Double origin = null;
        for (int n = 0; n < stream.segments(); n++) {
            ConvertResult converted = converter.convert(
                    new ConvertRequest("seg", stream.playlist().toUri().toString(), n, origin));
            origin = converted.origin();
            for (String name : DetectorSettings.NAMES) {
                AnalyseRequest request = roundTrip(new AnalyseRequest("seg", runs.get(name), converted.manifest(),
                        converted.last(), converted.segmentEnd()), AnalyseRequest.class);
                AnalyseResult result = roundTrip(analysis.analyse(request), AnalyseResult.class);
                runs.put(name, result.detector());
                found.addAll(result.defects());
            }
        }

        List<Defect> expected = wholeStream();
        assertTrue(types(expected).containsAll(List.of(DefectType.FREEZE, DefectType.SILENCE, DefectType.BLACK)),
                () -> "the injected defects are found at all: " + expected);
        assertEquals(sorted(expected), sorted(found),
                "the same defects, to the frame: the store is lossless and the state round-trips exactly");
    }

    @Test
    void analyse_unknownDetectorOrMissingFrames_typedErrors() throws Exception {
        InMemoryFrameStore store = new InMemoryFrameStore();
        SegmentConverter converter = new SegmentConverter(new FileSourceFetcher(), store, MediaOptions.defaults(),
                dir.resolve("work"));
        ConvertResult converted = converter.convert(new ConvertRequest("seg", stream.playlist().toUri().toString(), 0, null));
        SegmentAnalysis analysis = new SegmentAnalysis(store, DetectorSettings.DEFAULTS);

        assertThrows(IllegalArgumentException.class, () -> analysis.analyse(new AnalyseRequest("seg",
                new DetectorRun("nonsense", null), converted.manifest(), false, 2)));
        assertThrows(IllegalArgumentException.class, () -> analysis.analyse(new AnalyseRequest("seg",
                new DetectorRun("freeze", JSON.readTree("{\"bogus\":[1,2]}")), converted.manifest(), false, 2)));
        store.delete(converted.manifest().frames().get(3).key());
        assertThrows(MissingObjectException.class, () -> analysis.analyse(new AnalyseRequest("seg",
                new DetectorRun("freeze", null), converted.manifest(), false, 2)));
    }

    private static List<Defect> wholeStream() throws Exception {
        List<Defect> defects = new ArrayList<>();
        try (FfmpegMediaStream media = FfmpegMediaStream.open(stream.playlist().toString(), MediaOptions.defaults())) {
            new StreamAnalyzer(DetectorSettings.DEFAULTS.detectors(), defects::add).run(media);
        }
        return defects;
    }

    private static <T> T roundTrip(Object value, Class<T> type) throws Exception {
        return JSON.readValue(JSON.writeValueAsString(value), type);
    }

    private static List<Defect> sorted(List<Defect> defects) {
        return defects.stream().sorted(Comparator.comparing(Defect::type).thenComparingDouble(Defect::start)).toList();
    }

    private static List<DefectType> types(List<Defect> defects) {
        return sorted(defects).stream().map(Defect::type).toList();
    }
}
