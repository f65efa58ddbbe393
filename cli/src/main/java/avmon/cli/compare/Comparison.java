package avmon.cli.compare;

import avmon.cli.model.MeasuredRun;
import avmon.cli.model.MeasuredRun.DetectionCheck;
import avmon.core.media.MediaOptions;
import avmon.core.synth.GeneratedStream;
import avmon.statemachine.StreamWorkflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The same streams through both designs, one after the other, and everything measured in one
 * {@link MeasuredRun}. The monolith goes first, in a process that has only generated the streams, so its
 * resident memory is not the serverless run's leftover heap; it also pays the JIT's warm-up, which can only
 * make it look more expensive, not less.
 */
public final class Comparison {

    private final ServerlessRun serverless;
    private final MonolithRun monolith;

    public Comparison(ServerlessRun serverless, MonolithRun monolith) {
        this.serverless = serverless;
        this.monolith = monolith;
    }

    /**
     * Runs {@code streams} through both designs with {@code detectors} and checks both against the truth; each
     * design's wall time, set-up and measuring included, goes into {@code times}.
     */
    public ComparisonResult run(List<GeneratedStream> streams, List<String> detectors, Progress progress,
                                PhaseTimes times) throws InterruptedException {
        MonolithResult m = monolith.run(streams, detectors, progress);
        times.lap("monolith");
        ServerlessResult s = serverless.run(streams, detectors, progress);
        times.lap("serverless");
        GroundTruthCheck check = new GroundTruthCheck(detectors);
        List<DetectionCheck> checks = new ArrayList<>();
        checks.addAll(checks("serverless", s.streams(), streams, check));
        checks.addAll(checks("monolith", m.streams(), streams, check));
        MeasuredRun measured = new MeasuredRun(workload(streams, detectors, s, m), s.counts(), m.counts(), checks);
        return new ComparisonResult(measured, s, m, agreement(s.streams(), m.streams()));
    }

    private static List<DetectionCheck> checks(String design, List<StreamResult> results, List<GeneratedStream> streams,
                                               GroundTruthCheck check) {
        Map<String, StreamResult> byId = results.stream()
                .collect(Collectors.toMap(StreamResult::streamId, Function.identity()));
        List<DetectionCheck> out = new ArrayList<>();
        for (GeneratedStream stream : streams) {
            StreamResult r = byId.get(stream.truth().streamId());
            out.add(r == null
                    ? check.check(design, stream.truth(), List.of(), "not run")
                    : check.check(design, stream.truth(), r.defects(), r.failure()));
        }
        return out;
    }

    /** The streams on which the two designs reported different defects (the same detectors on the same frames). */
    private static List<String> agreement(List<StreamResult> serverless, List<StreamResult> monolith) {
        Map<String, StreamResult> byId = monolith.stream()
                .collect(Collectors.toMap(StreamResult::streamId, Function.identity()));
        List<String> differ = new ArrayList<>();
        for (StreamResult s : serverless) {
            StreamResult m = byId.get(s.streamId());
            if (m == null || !GroundTruthCheck.same(s.defects(), m.defects())) {
                differ.add(s.streamId());
            }
        }
        return differ;
    }

    private static MeasuredRun.Workload workload(List<GeneratedStream> streams, List<String> detectors,
                                                 ServerlessResult s, MonolithResult m) {
        double streamSeconds = streams.stream().mapToDouble(g -> g.truth().duration()).sum();
        double videoSeconds = streams.stream().filter(g -> g.truth().hasVideo())
                .mapToDouble(g -> g.truth().duration()).sum();
        double segmentSeconds = streams.stream().mapToDouble(g -> g.truth().segmentDuration()).max().orElse(0);
        // Pictures analysed per second, as measured: what the converter stored over the stream time with video,
        // or, when the serverless design stored none (it failed), what the monolith's detectors analysed.
        long frames = s.writes().frames() > 0 ? s.writes().frames() : m.frames();
        double analysedFps = videoSeconds > 0 ? frames / videoSeconds : 0;
        return new MeasuredRun.Workload(streams.size(), streamSeconds, segmentSeconds, analysedFps, detectors,
                StreamWorkflow.DEFAULT_SEGMENTS_PER_EXECUTION,
                MediaOptions.DEFAULT_WIDTH + "x" + MediaOptions.DEFAULT_HEIGHT);
    }
}
