package avmon.monolith.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.detect.Defect;
import avmon.core.detect.DetectorSettings;
import avmon.core.evaluate.DirectoryEvaluator;
import avmon.core.evaluate.Evaluator;
import avmon.core.evaluate.StreamScore;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaOptions;
import avmon.core.notify.InMemoryNotifier;
import avmon.core.notify.Notification;
import avmon.core.synth.GeneratedStream;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSuites;
import avmon.monolith.source.FfmpegOpener;
import avmon.monolith.source.StreamSource;
import avmon.monolith.status.StreamStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's small suite, every stream at once in one supervisor, against its ground truth. */
class GeneratedSuiteMonitoringTest {

    @TempDir
    static Path dir;
    static List<GeneratedStream> suite;

    private final InMemoryNotifier notifier = new InMemoryNotifier();
    private final DirectoryEvaluator reference = new DirectoryEvaluator(DetectorSettings.DEFAULTS,
            source -> FfmpegMediaStream.open(source, MediaOptions.defaults()), new Evaluator());

    @BeforeAll
    static void generate() throws Exception {
        suite = new StreamGenerator().generateAll(StreamSuites.small(42), dir);
    }

    @Test
    void monitor_smallSuiteAtOnce_eachStreamReportsWhatItsDetectorsReportAloneAndItsInjectedDefects() throws Exception {
        List<StreamSource> sources = suite.stream()
                .map(s -> StreamSource.parse(s.truth().streamId() + "=" + s.playlist())).toList();
        try (StreamSupervisor supervisor = new StreamSupervisor(sources, DetectorSettings.DEFAULTS.detectors(), notifier,
                new FfmpegOpener(MediaOptions.defaults()), SupervisorSettings.DEFAULT.withWorkers(4))) {
            supervisor.start();
            assertTrue(supervisor.awaitEnd(Duration.ofMinutes(3)), () -> "suite done: " + supervisor.streams());
            supervisor.streams().forEach(s -> assertEquals(StreamStatus.State.ENDED, s.state(), () -> "ended: " + s));
        }

        for (GeneratedStream stream : suite) {
            String id = stream.truth().streamId();
            List<Defect> monitored = defectsOf(id);
            assertEquals(reference.analyse(stream.playlist()), monitored,
                    () -> id + ": the monitor reports what the detectors report on the stream alone");
            StreamScore score = new Evaluator().score(stream.truth(), monitored);
            assertTrue(score.missed().isEmpty(), () -> id + ": every injected defect found, missed " + score.missed());
        }
    }

    private List<Defect> defectsOf(String streamId) {
        return notifier.sent().stream()
                .filter(n -> n.kind() == Notification.Kind.DEFECT && n.streamId().equals(streamId))
                .map(Notification::defect).toList();
    }
}
