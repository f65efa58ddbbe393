package avmon.cli.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import avmon.cli.Avmon;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SfnConformanceCommandTest {

    @TempDir
    Path temp;

    @Test
    void conformance_folderWithoutIndex_failsWithOneLine() {
        CommandLine cl = Avmon.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("sfn", "conformance", temp.toString());
        assertEquals(1, code, "exit code");
        assertTrue(err.toString().contains("no index.json"), () -> "error text was: " + err);
    }

    @Test
    void conformance_onlyGlob_printsRatesAndWritesReport() throws Exception {
        Path corpus = corpusDir();
        assumeTrue(corpus != null && Files.isRegularFile(corpus.resolve("index.json")),
                "the conformance corpus is not beside the repository (../shared/asl-conformance)");
        CommandLine cl = Avmon.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        Path report = temp.resolve("report.json");
        int code = cl.execute("sfn", "conformance", corpus.toString(), "--only", "base.base__state_fail*",
                "--report", report.toString());
        assertEquals(0, code, "exit code");
        assertTrue(out.toString().contains("JSONPath"), () -> "output was: " + out);
        assertTrue(Files.readString(report).contains("\"byCategory\""), "report has per-category rates");
    }

    private static Path corpusDir() {
        String override = System.getenv("ASL_CONFORMANCE_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir.getParent() == null ? null : dir.getParent().resolve("shared").resolve("asl-conformance");
            }
        }
        return null;
    }
}
