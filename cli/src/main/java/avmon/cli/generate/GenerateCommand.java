package avmon.cli.generate;

import avmon.cli.UserError;
import avmon.core.detect.Defect;
import avmon.core.synth.GeneratedStream;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.PictureContent;
import avmon.core.synth.SceneCut;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import avmon.core.synth.StreamSuites;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code avmon generate}: writes synthetic HLS streams with injected defects and their {@code truth.json}
 * (see docs/ground-truth.md). Either a prepared suite, or one stream described by the options. Progress goes
 * to standard error, what was written to standard output.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write test streams (HLS, H.264 + AAC) with known defects and their ground truth.",
            "Without --defect or --id, writes a prepared suite; with them, one stream.",
            "Defects: TYPE@START+DURATION, TYPE one of freeze, black, silence, block_corruption, "
                    + "or av_sync@START+DURATION=OFFSET (needs --sync)."},
        footer = {"", "Examples:",
            "  avmon generate --out streams",
            "  avmon generate --out streams --size 640x360 --suite small",
            "  avmon generate --out streams --id credits --content text --duration 60",
            "  avmon generate --out streams --id mine --duration 12 --defect freeze@3.0+3.2 --defect silence@6+2.5",
            "  avmon generate --out streams --id shots --duration 10 --cut 3=text --cut 5.5=black --cut 8=texture:7"})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the streams into.")
    Path out;

    @Option(names = "--suite", paramLabel = "NAME",
            description = {"Prepared set of streams: standard (1280x720, 20 s, default), small (320x180, 8 s), "
                        + "clean-long (11 min of clean 640x360 streams), freezes (4 min of moving content standing still "
                        + "now and then, no other defect) or cuts (4 min of clean streams cutting from one content to "
                        + "another every 1-5 s)."})
    String suite;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the picture content and damage (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", paramLabel = "WxH", converter = PictureSize.Converter.class,
            description = "Picture size (default: 1280x720; small suite 320x180).")
    PictureSize size;

    @Option(names = "--content", paramLabel = "KIND", converter = ContentConverter.class,
            description = "What the pictures show: texture (default), noise, flat, black, text, patterns or graphics.")
    PictureContent content;

    @Option(names = "--id", paramLabel = "ID", description = "Write one stream with this id (default: custom).")
    String id;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Length of the one stream (default: 20).")
    Double duration;

    @Option(names = "--defect", paramLabel = "TYPE@START+DURATION", converter = DefectConverter.class,
            description = "Defect to inject into the one stream; repeat for more.")
    List<InjectedDefect> defects = new ArrayList<>();

    @Option(names = "--cut", paramLabel = "TIME=KIND[:SEED]",
            description = {"Scene cut in the one stream: from TIME s on it shows KIND drawn from SEED (default:",
                "--seed); not a defect. Repeat for more, in time order."})
    List<String> cuts = new ArrayList<>();

    @Option(names = "--sync", description = "Flash/beep sync pattern in the one stream (needed for av_sync).")
    boolean syncPattern;

    @Option(names = "--no-audio", description = "The one stream has no audio.")
    boolean noAudio;

    @Option(names = "--no-video", description = "The one stream has no video.")
    boolean noVideo;

    @Override
    public Integer call() {
        List<StreamSpec> specs = specs();
        PrintWriter err = spec.commandLine().getErr();
        StreamGenerator generator = new StreamGenerator(line -> {
            err.println(line);
            err.flush();
        });
        PrintWriter stdout = spec.commandLine().getOut();
        for (StreamSpec s : specs) {
            try {
                stdout.println(describe(generator.generate(s, out)));
                stdout.flush();
            } catch (IOException e) {
                throw new UserError(s.id() + ": " + e.getMessage());
            }
        }
        return 0;
    }

    private List<StreamSpec> specs() {
        boolean single = id != null || !defects.isEmpty() || !cuts.isEmpty() || duration != null || syncPattern
                || noAudio || noVideo;
        if (single && suite != null) {
            throw new UserError("--suite writes a prepared set; --id, --duration, --defect, --cut, --sync, --no-audio"
                    + " and --no-video describe one stream: use one or the other", 2);
        }
        try {
            List<StreamSpec> chosen = single ? List.of(singleStream()) : suite();
            return content == null ? chosen : chosen.stream().map(s -> s.withContent(content)).toList();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }

    private StreamSpec singleStream() {
        StreamSpec s = StreamSpec.of(id == null ? "custom" : id, seed);
        if (size != null) {
            s = s.withSize(size.width(), size.height());
        }
        if (duration != null) {
            s = s.withDuration(duration);
        }
        if (syncPattern) {
            s = s.withSyncPattern();
        }
        if (noAudio) {
            s = s.videoOnly();
        }
        if (noVideo) {
            s = s.audioOnly();
        }
        s = s.withCuts(cuts.stream().map(c -> SceneCut.parse(c, seed)).toArray(SceneCut[]::new));
        return s.with(defects.toArray(InjectedDefect[]::new));
    }

    private List<StreamSpec> suite() {
        String name = suite == null ? "standard" : suite;
        List<StreamSpec> specs = StreamSuites.named(name, seed);
        if (size != null) {
            specs = specs.stream().map(s -> s.withSize(size.width(), size.height())).toList();
        }
        return specs;
    }

    private static String describe(GeneratedStream stream) {
        List<Defect> defects = stream.truth().defects();
        String what = defects.isEmpty() ? "clean" : defects.stream().map(GenerateCommand::describe)
                .collect(Collectors.joining(", "));
        int cuts = stream.truth().sceneCuts().size();
        String scenes = cuts == 0 ? "" : String.format(Locale.ROOT, ", %d scene cuts", cuts);
        return String.format(Locale.ROOT, "wrote %s (%d segments, %.1f s%s): %s", stream.playlist(),
                stream.segments(), stream.truth().duration(), scenes, what);
    }

    private static String describe(Defect d) {
        String range = String.format(Locale.ROOT, "%s %.2f-%s", d.type().jsonName(), d.start(),
                d.end() == null ? "end" : String.format(Locale.ROOT, "%.2f", d.end()));
        return d.value() == null ? range : range + String.format(Locale.ROOT, " (%+.3f s)", d.value());
    }
}
