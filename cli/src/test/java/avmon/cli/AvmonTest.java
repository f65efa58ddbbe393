package avmon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class AvmonTest {

    @Test
    void help_noArguments_listsUsage() {
        CommandLine cl = Avmon.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("--help");
        assertEquals(0, code);
        assertTrue(out.toString().contains("Usage: avmon"), () -> "help text was: " + out);
    }

    @Test
    void execute_unknownVerb_exitsWithUsageError() {
        CommandLine cl = Avmon.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("no-such-verb");
        assertEquals(2, code);
        assertTrue(err.toString().contains("no-such-verb"), () -> "error text was: " + err);
    }

    /**
     * Picocli prints each description element on a line of its own, then wraps it: a sentence split across two
     * elements shows as a line cut short mid-sentence, and the list of verbs shows only the first element.
     */
    @Test
    void help_everyVerbAndOption_sentencesAreWholeLines() {
        List<String> broken = new ArrayList<>();
        collectBrokenLines(Avmon.commandLine(), broken);
        assertEquals(List.of(), broken, "description lines that end mid-sentence");
    }

    @Test
    void help_verbLists_eachVerbSummarisedByAWholeSentence() {
        List<String> cut = new ArrayList<>();
        for (CommandSpec verb : allCommands(Avmon.commandLine())) {
            String[] description = verb.usageMessage().description();
            if (verb.parent() != null && (description.length == 0 || !description[0].strip().endsWith("."))) {
                cut.add(verb.qualifiedName() + ": " + (description.length == 0 ? "(none)" : description[0]));
            }
        }
        assertEquals(List.of(), cut, "verbs whose first description line, shown in their parent's --help, is not a sentence");
    }

    private static void collectBrokenLines(CommandLine root, List<String> broken) {
        for (CommandSpec spec : allCommands(root)) {
            checkLines(spec.qualifiedName(), spec.usageMessage().description(), broken);
            for (ArgSpec arg : spec.args()) {
                String name = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
                checkLines(spec.qualifiedName() + " " + name, arg.description(), broken);
            }
        }
    }

    /** The command and every verb under it, each once (help is a verb of several). */
    private static List<CommandSpec> allCommands(CommandLine command) {
        List<CommandSpec> all = new ArrayList<>(List.of(command.getCommandSpec()));
        command.getSubcommands().values().stream().distinct().forEach(sub -> all.addAll(allCommands(sub)));
        return all;
    }

    /** A line other than the last that ends without . : or ; continues its sentence on the next one. */
    private static void checkLines(String where, String[] lines, List<String> broken) {
        for (int i = 0; i + 1 < lines.length; i++) {
            if (!lines[i].strip().matches(".*[.:;]$")) {
                broken.add(where + ": " + lines[i]);
            }
        }
    }
}
