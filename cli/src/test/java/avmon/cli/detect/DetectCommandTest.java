package avmon.cli.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.detect.DefectType;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code avmon detect} on small generated streams: output forms, partial inputs and damaged ones. */
class DetectCommandTest {

    @TempDir
    static Path dir;

    private static String defects;
    private static String videoOnly;
    private static String audioOnly;
    private static String truncated;

    @BeforeAll
    static void generate() throws Exception {
        StreamSpec base = StreamSpec.of("base", 5).withSize(320, 180).withDuration(8);
        StreamGenerator generator = new StreamGenerator();
        defects = generator.generate(base.withId("defects").with(InjectedDefect.of(DefectType.FREEZE, 1, 2.4),
                InjectedDefect.of(DefectType.SILENCE, 4, 2.5)), dir).playlist().toString();
        videoOnly = generator.generate(base.withId("video-only").videoOnly().withDuration(6)
                .with(InjectedDefect.of(DefectType.FREEZE, 2, 2.4)), dir).playlist().toString();
        audioOnly = generator.generate(base.withId("audio-only").audioOnly().withDuration(4), dir)
                .playlist().toString();
        byte[] segment = Files.readAllBytes(dir.resolve("defects").resolve("seg00001.ts"));
        // Cut inside a picture, as a transfer that stopped part way leaves it. (A cut that happens to fall
        // between two pictures leaves a shorter valid segment that no decoder can tell from a whole one.)
        truncated = Files.write(dir.resolve("truncated.ts"), Arrays.copyOf(segment, segment.length / 2)).toString();
    }

    @Test
    void detect_streamWithDefects_printsRowsAsFoundThenSummary() {
        CommandRun run = CommandRun.of("detect", defects);

        assertEquals(0, run.exitCode(), () -> "success: " + run);
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+freeze\\s+1\\.000\\s+3\\.400\\s+2\\.400\\s*")),
                () -> "freeze row: " + run);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+silence\\s+4\\.0\\d\\d\\s+6\\.5\\d\\d\\s+2\\.\\d+\\s*")),
                () -> "silence row: " + run);
        assertTrue(lines.get(lines.size() - 1).startsWith(defects + ": 2 defects {freeze=1, silence=1}"),
                () -> "summary last: " + run);
    }

    @Test
    void detect_json_printsOneObjectPerDefectThenSummary() throws Exception {
        CommandRun run = CommandRun.of("detect", "--json", defects);

        assertEquals(0, run.exitCode(), () -> "success: " + run);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            lines.add(json.readTree(line));
        }
        assertEquals(List.of("defect", "defect", "summary"), lines.stream().map(l -> l.get("event").asText()).toList(),
                () -> "two defects, then the summary: " + run);
        assertEquals("freeze", lines.get(0).get("type").asText(), "first found: the freeze");
        assertEquals(1.0, lines.get(0).get("start").asDouble(), 1e-9, "freeze start");
        assertEquals(2, lines.get(2).get("defects").asInt(), "summary count");
    }

    @Test
    void detect_videoOnlyStream_runsVideoDetectorsAndSaysSo() {
        CommandRun run = CommandRun.of("detect", videoOnly);

        assertEquals(0, run.exitCode(), () -> "a stream without audio still runs: " + run);
        assertEquals(List.of("avmon: " + videoOnly
                        + ": no audio stream; running the video detectors only (freeze, black, decoder_errors)"),
                run.errLines(), () -> "says so in one line: " + run);
        assertTrue(run.out().contains("1 defect {freeze=1}"), () -> "the freeze is found: " + run);
    }

    @Test
    void detect_audioOnlyStream_runsAudioDetectorsAndSaysSo() {
        CommandRun run = CommandRun.of("detect", audioOnly);

        assertEquals(0, run.exitCode(), () -> "the audio can still be monitored: " + run);
        assertEquals(List.of("avmon: " + audioOnly
                        + ": no video stream (audio only); running the audio detectors only (silence)"),
                run.errLines(), () -> "says so in one line: " + run);
        assertTrue(run.out().contains(audioOnly + ": 0 defects"), () -> "summary: " + run);
    }

    @Test
    void detect_audioOnlyStreamWithOnlyVideoDetectors_failsInOneLine() {
        CommandRun run = CommandRun.of("detect", "--detectors", "freeze,black", audioOnly);

        assertEquals(1, run.exitCode(), () -> "nothing asked for can run: " + run);
        assertEquals(1, run.errLines().size(), () -> "one line: " + run);
        assertTrue(run.err().contains("no video stream"), () -> "says why: " + run);
    }

    @Test
    void detect_audioOnlyStreamWithSilenceDetector_runs() {
        CommandRun run = CommandRun.of("detect", "--detectors", "silence", audioOnly);

        assertEquals(0, run.exitCode(), () -> "the silence detector needs no video: " + run);
        assertTrue(run.out().contains(audioOnly + ": 0 defects"), () -> "summary: " + run);
    }

    @Test
    void detect_truncatedSegment_failsInOneLineWithoutStackTrace() {
        CommandRun run = CommandRun.of("detect", truncated);

        assertEquals(1, run.exitCode(), () -> "a cut segment is a failed read: " + run);
        assertEquals(1, run.errLines().size(), () -> "one line: " + run);
        assertTrue(run.err().startsWith("avmon: " + truncated + ": "), () -> "names the input: " + run);
        assertFalse(run.err().contains("\tat "), () -> "no stack trace: " + run);
    }

    @Test
    void detect_severalSourcesOneMissing_analysesTheOthersAndExitsOne() {
        String missing = dir.resolve("missing.m3u8").toString();
        CommandRun run = CommandRun.of("detect", missing, videoOnly);

        assertEquals(1, run.exitCode(), () -> "one source failed: " + run);
        assertTrue(run.err().contains("avmon: " + missing + ": not found"), () -> "the failure: " + run);
        assertTrue(run.out().contains(videoOnly + ": 1 defect"), () -> "the other source was analysed: " + run);
    }
}
