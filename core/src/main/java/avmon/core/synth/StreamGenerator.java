package avmon.core.synth;

import avmon.core.detect.DefectType;
import avmon.core.evaluate.GroundTruth;
import avmon.core.media.MediaException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Writes synthetic streams with known defects: {@code <out>/<id>/index.m3u8}, its 2-second MPEG-TS segments
 * and {@code truth.json}, as described in {@code docs/ground-truth.md}. A stream whose {@link VideoEncoding}
 * MPEG-TS cannot carry (VP8) is written as one Matroska file, {@value #SINGLE_FILE}, instead of the playlist.
 *
 * <p>Freeze, black, silence and A/V offset are drawn into the pictures and samples before encoding. Block
 * corruption is real: the encoded video packets over the chosen range are damaged while the stream is cut
 * into segments, and its ground truth comes from decoding the damaged and the clean stream and comparing each
 * picture. The same spec and seed give the same files.
 */
public final class StreamGenerator {

    public static final String TRUTH_FILE = "truth.json";
    /** The stream's one file when it is not HLS. */
    public static final String SINGLE_FILE = "stream.mkv";
    /** The clean encode while the stream is written, before its extension. */
    private static final String CLEAN_FILE = ".clean";

    private final Consumer<String> progress;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** @param progress receives short progress lines ("s01: encoding 40%") while streams are written */
    public StreamGenerator(Consumer<String> progress) {
        this.progress = progress;
    }

    /** A generator that reports nothing. */
    public StreamGenerator() {
        this(line -> { });
    }

    /** Writes every spec under {@code out}. */
    public List<GeneratedStream> generateAll(List<StreamSpec> specs, Path out) throws IOException {
        List<GeneratedStream> written = new ArrayList<>();
        for (StreamSpec spec : specs) {
            written.add(generate(spec, out));
        }
        return written;
    }

    /** Writes one stream into {@code out/<spec.id>}, replacing what was there. */
    public GeneratedStream generate(StreamSpec spec, Path out) throws IOException {
        Path dir = out.resolve(spec.id());
        Files.createDirectories(dir);
        clear(dir);
        InjectionPlan plan = new InjectionPlan(spec, StreamEncoder.SAMPLE_RATE);
        Path clean = dir.resolve(CLEAN_FILE + (StreamEncoder.container(spec).equals("mpegts") ? ".ts" : ".mkv"));
        try {
            int priming = encode(plan, clean);
            BitstreamDamage damage = damageFor(spec);
            Path playable = write(spec, clean, dir, damage);
            List<CorruptionTruth.DamagedRun> runs = List.of();
            if (damage != null) {
                progress.accept(spec.id() + ": measuring the corruption against the clean decode");
                runs = new CorruptionTruth(spec.width(), spec.height()).compare(clean, playable);
                checkDamageShows(spec, runs);
            }
            double audioDelay = spec.video() ? 0 : (double) priming / StreamEncoder.SAMPLE_RATE;
            GroundTruth truth = new TruthBuilder(plan, audioDelay).build(runs);
            json.writeValue(dir.resolve(TRUTH_FILE).toFile(), truth);
            int segments = playable.endsWith(HlsSegmenter.PLAYLIST) ? countSegments(playable) : 1;
            return new GeneratedStream(dir, playable, segments, truth);
        } catch (MediaException e) {
            throw new IOException(spec.id() + ": cannot decode the stream just written: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(clean);
        }
    }

    /**
     * Copies the clean stream into what the monitor reads, damaged where planned: HLS segments, or one Matroska
     * file for a codec MPEG-TS cannot carry. Returns the file to open.
     */
    private Path write(StreamSpec spec, Path clean, Path dir, BitstreamDamage damage) throws IOException {
        String damaging = damage == null ? "" : " and damaging video";
        if (StreamEncoder.container(spec).equals("mpegts")) {
            progress.accept(spec.id() + ": cutting segments" + damaging);
            new HlsSegmenter(spec.segmentDuration()).segment(clean, dir, damage);
            return dir.resolve(HlsSegmenter.PLAYLIST);
        }
        progress.accept(spec.id() + ": writing " + SINGLE_FILE + damaging);
        Path file = dir.resolve(SINGLE_FILE);
        // Exact: Matroska would otherwise write a random segment id and the muxer's version.
        new Remuxer().copy(clean, "matroska", file, Map.of("fflags", "+bitexact"), damage);
        return file;
    }

    /** Encodes the clean stream; returns the AAC encoder's priming in samples. */
    private int encode(InjectionPlan plan, Path clean) throws IOException {
        String id = plan.spec().id();
        int[] lastTenth = {-1};
        return new StreamEncoder(plan).encode(clean, fraction -> {
            int tenth = (int) (fraction * 10);
            if (tenth != lastTenth[0]) {
                lastTenth[0] = tenth;
                progress.accept(String.format(Locale.ROOT, "%s: encoding %d%%", id, tenth * 10));
            }
        });
    }

    private static BitstreamDamage damageFor(StreamSpec spec) {
        List<InjectedDefect> corruption = spec.defects(DefectType.BLOCK_CORRUPTION);
        if (corruption.isEmpty()) {
            return null;
        }
        return new BitstreamDamage(spec.seed(),
                corruption.stream().map(d -> new BitstreamDamage.Range(d.start(), d.end())).toList(),
                spec.encoding().codec());
    }

    /** Every injected corruption must show somewhere, or the truth would silently miss it. */
    private static void checkDamageShows(StreamSpec spec, List<CorruptionTruth.DamagedRun> runs) throws IOException {
        for (InjectedDefect d : spec.defects(DefectType.BLOCK_CORRUPTION)) {
            int first = (int) Math.ceil(d.start() * spec.frameRate() - 1e-9);
            int last = (int) Math.ceil(d.end() * spec.frameRate() - 1e-9) - 1;
            boolean shows = runs.stream().anyMatch(r -> r.firstFrame() <= last
                    && (r.endFrame() < 0 || r.endFrame() > first));
            if (!shows) {
                throw new InvisibleDamageException(spec.id() + ": damage at " + d.start() + " s left no visible trace;"
                        + " choose a longer range or another seed");
            }
        }
    }

    private static void clear(Path dir) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "{seg*.ts,index.m3u8,truth.json,.clean.*,stream.mkv}")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
    }

    /** Segments as the playlist lists them. */
    private static int countSegments(Path playlist) throws IOException {
        try (Stream<String> lines = Files.lines(playlist)) {
            return (int) lines.filter(line -> line.startsWith("#EXTINF:")).count();
        }
    }
}
