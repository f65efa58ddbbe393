package avmon.cli.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCommandBadInputTest {

    @TempDir
    Path dir;

    @Test
    void detect_missingFile_printsOneLineAndExitsOne() {
        Path missing = dir.resolve("missing.ts");
        CommandRun run = CommandRun.of("detect", missing.toString());

        assertEquals(1, run.exitCode(), () -> "input failure exit code: " + run);
        assertEquals(List.of("avmon: " + missing + ": not found: No such file or directory"), run.errLines(),
                () -> "one line naming the file: " + run);
    }

    @Test
    void detect_textFile_saysNotMediaInOneLine() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a video\n");
        CommandRun run = CommandRun.of("detect", text.toString());

        assertEquals(1, run.exitCode(), () -> "input failure exit code: " + run);
        assertEquals(1, run.errLines().size(), () -> "one line: " + run);
        assertTrue(run.err().contains("not audio or video"), () -> "says why: " + run);
        assertFalse(run.err().contains("Exception"), () -> "no stack trace: " + run);
    }

    @Test
    void detect_urlAnswering404_saysNotFoundInOneLine() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        http.start();
        try {
            String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/live/index.m3u8";
            CommandRun run = CommandRun.of("detect", url);

            assertEquals(1, run.exitCode(), () -> "input failure exit code: " + run);
            assertEquals(1, run.errLines().size(), () -> "one line: " + run);
            assertTrue(run.err().startsWith("avmon: " + url + ": not found"), () -> "says why: " + run);
        } finally {
            http.stop(0);
        }
    }

    @Test
    void detect_unknownDetector_isUsageError() {
        CommandRun run = CommandRun.of("detect", "--detectors", "freeze,blurry", "x.ts");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("unknown detector 'blurry'"), () -> "names the bad detector: " + run);
    }

    @Test
    void detect_thresholdOutOfRange_isUsageError() {
        CommandRun run = CommandRun.of("detect", "--black-picture", "1.5", "x.ts");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertEquals(1, run.errLines().size(), () -> "one line: " + run);
    }

    @Test
    void detect_badThumbnailSize_isUsageError() {
        CommandRun run = CommandRun.of("detect", "--thumb", "160by90", "x.ts");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("WIDTHxHEIGHT"), () -> "explains the form: " + run);
    }

    @Test
    void evaluate_directoryWithoutStreams_saysSoInOneLine() {
        CommandRun run = CommandRun.of("evaluate", dir.toString());

        assertEquals(1, run.exitCode(), () -> "failure exit code: " + run);
        assertTrue(run.err().contains("no streams with ground truth"), () -> "says why: " + run);
    }
}
