package avmon.cli.compare;

import avmon.cli.CliErrors;
import avmon.cli.UserError;
import avmon.cli.generate.PictureSize;
import avmon.cli.model.Assumptions;
import avmon.cli.model.MeasuredRun;
import avmon.cli.model.ReferenceBooks;
import avmon.cli.report.AssumptionOptions;
import avmon.cli.report.BookOptions;
import avmon.cli.report.ComparisonReport;
import avmon.cli.serverless.LocalPipeline;
import avmon.core.synth.GeneratedStream;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code avmon compare}: the main job. Generates streams with known defects, runs them through the monolith
 * and through the serverless pipeline on the embedded local cloud, checks both against the ground truth,
 * prints what each design used, and hands the measured run to {@link ComparisonReport} for the cost and scale
 * answer ({@code report.html}, {@code report.json}). Progress goes to standard error (a bar on a terminal,
 * lines otherwise), the comparison to standard output.
 *
 * <p>The assumption flags are the report's ({@link AssumptionOptions}); {@code --streams} is how many streams
 * this run generates, {@code --expected-streams} the load it is priced at.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "The same streams through both designs, measured, checked against the injected defects and priced: "
                + "the serverless pipeline (Step Functions, Lambda, S3, SNS on the embedded local cloud) and the monolith.",
        footer = {"", "Exit codes: 0 both designs ran every stream and found exactly the injected defects;",
            "  1 a design could not run a stream; 4 a design missed a defect or reported one not injected;",
            "  2 bad options. With 1 or 4 the report is still written, and a banner says what went wrong.",
            "", "Examples:",
            "  avmon compare",
            "  avmon compare --streams 12 --duration 60 --out target/big --expected-streams 5000",
            "  avmon generate --out s --suite small && avmon compare --use-streams s"})
public final class CompareCommand implements Callable<Integer> {

    /** A design missed an injected defect or reported one that was not injected. */
    public static final int DETECTION_MISMATCH = 4;

    /** Where the counts of a run too broken to price go instead of the report. */
    static final String UNPRICED = "measured.json";

    private static final ObjectMapper UNPRICED_JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/compare",
            description = "Where the streams, report.html and report.json go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--streams", paramLabel = "N", defaultValue = "6",
            description = "Streams to generate; kinds take turns: freeze, black+silence, corruption, av-sync, silence, clean (default: ${DEFAULT-VALUE}).")
    int streams;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "20",
            description = "Length of each stream, at least 8 (default: ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "640x360", converter = PictureSize.Converter.class,
            description = "Picture size of the generated video; both designs analyse 160x90 thumbnails of it (default: ${DEFAULT-VALUE}).")
    PictureSize size;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the pictures and of where defects go (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--detectors", split = ",", paramLabel = "NAME",
            description = "Detectors both designs run (default: all): freeze, black, silence, av_sync, decoder_errors.")
    List<String> detectors;

    @Option(names = "--use-streams", paramLabel = "DIR",
            description = "Run the stream folders in DIR (index.m3u8 and truth.json each, as avmon generate writes them) instead of generating.")
    Path useStreams;

    @Option(names = "--stream-timeout", paramLabel = "DURATION", defaultValue = "PT10M",
            description = "Stop a design's stream still running after this long and report it failed (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration streamTimeout;

    @Mixin
    BookOptions books;

    @Mixin
    AssumptionOptions assumptions;

    private final UnaryOperator<LocalPipeline.Builder> deployment;

    public CompareCommand() {
        this(UnaryOperator.identity());
    }

    /** @param deployment how the serverless pipeline is deployed (tests put a failing function in) */
    CompareCommand(UnaryOperator<LocalPipeline.Builder> deployment) {
        this.deployment = deployment;
    }

    @Override
    public Integer call() throws Exception {
        List<String> chosen = chosenDetectors();
        CompareWorkload workload = useStreams == null ? workload() : null;
        ReferenceBooks priced = books.applyTo(ReferenceBooks.defaults());
        assumptionsFor(provisional(chosen));
        writableOut();
        PrintWriter stdout = spec.commandLine().getOut();
        PhaseTimes times = new PhaseTimes();
        ComparisonResult result;
        ComparisonReport report;
        try (Progress progress = progress()) {
            List<GeneratedStream> inputs = inputs(workload, progress);
            times.lap("generating");
            result = new Comparison(new ServerlessRun(deployment, streamTimeout), new MonolithRun(streamTimeout))
                    .run(inputs, chosen, progress, times);
            progress.phase("report", 1, "files");
            report = report(result.measured(), priced, progress);
            progress.advanceTo(1);
            times.lap("report");
        }
        new CompareSummary(stdout).print(result, times);
        stdout.println();
        if (report != null) {
            report.printTable(stdout);
            stdout.println();
            stdout.println("report: " + out.resolve(ComparisonReport.HTML) + " and " + out.resolve(ComparisonReport.JSON));
        } else {
            stdout.println("no cost report: the run measured too little to price; the counts are in "
                    + out.resolve(UNPRICED));
        }
        stdout.flush();
        if (result.anyStreamFailed() || report == null) {
            return CliErrors.INPUT_FAILED;
        }
        return CompareSummary.problems(result).isEmpty() ? 0 : DETECTION_MISMATCH;
    }

    /**
     * The cost and scale answer, written to {@code --out}. A run that cannot be priced (no stream ran through a
     * design) keeps its counts in {@value #UNPRICED} and gets no report.
     */
    private ComparisonReport report(MeasuredRun measured, ReferenceBooks priced, Progress progress) throws IOException {
        ComparisonReport report;
        try {
            report = ComparisonReport.of(measured, priced, assumptionsFor(measured.workload()));
        } catch (IllegalArgumentException e) {
            progress.note("cannot price the run: " + e.getMessage());
            UNPRICED_JSON.writeValue(out.resolve(UNPRICED).toFile(), Map.of("measured", measured));
            return null;
        }
        Path html = report.writeTo(out);
        progress.note("wrote " + html + " and " + out.resolve(ComparisonReport.JSON));
        return report;
    }

    private Assumptions assumptionsFor(MeasuredRun.Workload workload) {
        return assumptions.applyTo(Assumptions.defaults(workload));
    }

    /** The workload as it will be measured, to check the assumption flags before minutes of work. */
    private static MeasuredRun.Workload provisional(List<String> detectors) {
        return new MeasuredRun.Workload(1, 1, 2, 25, detectors, 1, "160x90");
    }

    private List<String> chosenDetectors() {
        try {
            return StreamDetectors.choose(detectors);
        } catch (IllegalArgumentException e) {
            throw new UserError("--detectors: " + e.getMessage(), 2);
        }
    }

    private CompareWorkload workload() {
        try {
            return new CompareWorkload(streams, duration, size.width(), size.height(), seed);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }

    /** Fails before any work when the report could not be written at the end. */
    private void writableOut() {
        try {
            Files.createDirectories(out);
            Path probe = Files.createTempFile(out, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UserError("--out " + out + ": cannot write there (" + e.getMessage() + ")", 2);
        }
    }

    private List<GeneratedStream> inputs(CompareWorkload workload, Progress progress) {
        try {
            if (workload == null) {
                List<GeneratedStream> read = CompareStreams.read(useStreams);
                progress.note(String.format(Locale.ROOT, "using %d streams from %s", read.size(), useStreams));
                return read;
            }
            return CompareStreams.generate(workload, out.resolve("streams"), progress);
        } catch (IOException e) {
            throw new UserError(useStreams != null ? "--use-streams " + useStreams + ": " + e.getMessage()
                    : "cannot generate the streams: " + e.getMessage());
        }
    }

    /** A bar on a terminal; plain lines on the command's error writer otherwise (pipes, files, tests). */
    private Progress progress() {
        return System.console() != null ? new TerminalProgress(System.err) : new LineProgress(spec.commandLine().getErr());
    }
}
