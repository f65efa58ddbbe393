package avmon.cli.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.Avmon;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SfnRunCommandTest {

    private static final String ADD = """
            {"StartAt": "Add", "States": {
              "Add": {"Type": "Pass", "Parameters": {"sum.$": "States.MathAdd($.a, $.b)"}, "Next": "Done"},
              "Done": {"Type": "Succeed"}}}""";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Avmon.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void run_passMachineWithJsonInput_printsStatusOutputAndTransitions() throws IOException {
        int code = run("sfn", "run", "--definition", file("add.json", ADD).toString(), "--input", "{\"a\": 2, \"b\": 3}");

        assertEquals(0, code, () -> "exit code; stderr: " + err);
        assertTrue(out.toString().contains("status: SUCCEEDED"), () -> "stdout: " + out);
        assertTrue(out.toString().contains("output: {\"sum\":5}"), () -> "stdout: " + out);
        assertTrue(out.toString().contains("billed transitions: 2"), () -> "stdout: " + out);
    }

    @Test
    void run_inputFileAndHistory_printsOneEventPerLine() throws IOException {
        int code = run("sfn", "run", "--definition", file("add.json", ADD).toString(),
                "--input", file("input.json", "{\"a\": 1, \"b\": 1}").toString(), "--history");

        String[] lines = out.toString().split("\\R");
        long events = java.util.Arrays.stream(lines).filter(line -> line.startsWith("{\"timestamp\"")).count();
        assertEquals(0, code, () -> "exit code; stderr: " + err);
        assertTrue(out.toString().contains("output: {\"sum\":2}"), () -> "stdout: " + out);
        assertTrue(out.toString().contains("\"type\":\"ExecutionStarted\""), () -> "stdout: " + out);
        assertTrue(out.toString().contains("\"type\":\"ExecutionSucceeded\""), () -> "stdout: " + out);
        assertTrue(events >= 5, () -> "history lines: " + events + "; stdout: " + out);
    }

    @Test
    void run_failingMachine_printsErrorAndExitsOne() throws IOException {
        Path definition = file("fail.json", """
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Demo.Failed", "Cause": "on purpose"}}}""");

        int code = run("sfn", "run", "--definition", definition.toString(), "--express");

        assertEquals(1, code, "exit code of a failed execution");
        assertTrue(out.toString().contains("status: FAILED"), () -> "stdout: " + out);
        assertTrue(out.toString().contains("error: Demo.Failed"), () -> "stdout: " + out);
        assertTrue(out.toString().contains("cause: on purpose"), () -> "stdout: " + out);
    }

    @Test
    void run_invalidDefinition_reportsInvalidDefinitionOnOneLine() throws IOException {
        int code = run("sfn", "run", "--definition", file("bad.json", "{\"StartAt\": \"Nowhere\", \"States\": {}}").toString());

        assertEquals(1, code, "exit code");
        assertTrue(err.toString().startsWith("avmon: InvalidDefinition: "), () -> "stderr: " + err);
    }

    @Test
    void run_inputThatIsNotJson_reportsInvalidExecutionInput() throws IOException {
        int code = run("sfn", "run", "--definition", file("add.json", ADD).toString(), "--input", "{not json");

        assertEquals(1, code, "exit code");
        assertTrue(err.toString().startsWith("avmon: InvalidExecutionInput: "), () -> "stderr: " + err);
    }

    @Test
    void run_missingDefinitionFile_saysWhichFile() {
        int code = run("sfn", "run", "--definition", dir.resolve("absent.json").toString());

        assertEquals(1, code, "exit code");
        assertTrue(err.toString().contains("absent.json"), () -> "stderr: " + err);
    }
}
