package avmon.core.corruption.train;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.evaluate.GroundTruth;
import avmon.core.media.AnalysisFrame;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaSample;
import avmon.core.media.MediaStream;
import avmon.core.synth.GeneratedStream;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.InvisibleDamageException;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Makes a {@link LabelledStream}: generates the stream (encoded as planned, its bitstream damaged where
 * planned), decodes it to gray pictures of the model's input size exactly as the monitor's media layer does,
 * and labels each picture from the generator's ground truth, which compares every damaged picture with the
 * clean decode of the same picture at full size. A damaged stream is generated clean too (the same seed and
 * encoding give the same pictures and bits), so each picture also gets where it differs from its clean decode, tile by tile
 * at the model's size: the training signal of each region of the network. The generated files are deleted
 * afterwards.
 */
public final class StreamLabeller {

    private final Path work;
    private final TrainingPlan plan;
    private final int inputWidth;
    private final int inputHeight;

    /**
     * @param work        folder for the generated files while a stream is labelled
     * @param plan        picture size and length of the streams
     * @param inputWidth  the model's input width
     * @param inputHeight the model's input height
     */
    public StreamLabeller(Path work, TrainingPlan plan, int inputWidth, int inputHeight) {
        this.work = work;
        this.plan = plan;
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
    }

    /**
     * Generates, decodes and labels one stream. Damage that leaves no visible trace (flat pictures hide it)
     * gives the stream clean, and its labels say so. A stream labelled before is read back from the work
     * folder instead, so training again with other settings does not generate again.
     */
    public LabelledStream label(TrainingStream stream) throws IOException {
        Path cached = work.resolve(cacheName(stream, plan.duration(stream.split()), inputWidth, inputHeight));
        if (Files.exists(cached)) {
            return LabelledStreamFile.read(cached, stream);
        }
        LabelledStream labelled = generateAndLabel(stream);
        LabelledStreamFile.write(labelled, cached);
        return labelled;
    }

    /**
     * A file name that changes with everything that makes the stream and its pictures. A stream without freezes
     * keeps the name it had before streams had them, so streams labelled by earlier runs stay valid.
     */
    static String cacheName(TrainingStream stream, double duration, int inputWidth, int inputHeight) {
        String made = String.format(java.util.Locale.ROOT,
                "TrainingStream[id=%s, split=%s, content=%s, size=%s, seed=%d, damage=%s, encoding=%s%s]", stream.id(),
                stream.split(), stream.content(), stream.size(), stream.seed(), stream.damage(), stream.encoding(),
                stream.freezes().isEmpty() ? "" : ", freezes=" + stream.freezes());
        String key = made + "|" + duration + "|" + inputWidth + "x" + inputHeight;
        return stream.id() + "-" + Integer.toHexString(key.hashCode()) + ".labelled";
    }

    private LabelledStream generateAndLabel(TrainingStream stream) throws IOException {
        GeneratedStream generated;
        TrainingStream made = stream;
        try {
            generated = generate(stream);
        } catch (InvisibleDamageException e) {
            made = stream.clean();
            generated = generate(made);
        }
        try {
            Decoded damaged = decode(generated.playlist());
            List<byte[]> changes = made.damage().isEmpty() ? unchanged(damaged) : changes(made, damaged);
            return label(made, damaged, changes, generated.truth());
        } catch (MediaException e) {
            throw new IOException(stream.id() + ": cannot decode the generated stream: " + e.getMessage(), e);
        } finally {
            delete(generated.directory());
        }
    }

    /** The stream's pictures at the model's size, in order, with their times and keyframe flags. */
    private record Decoded(List<AnalysisFrame> frames) {
    }

    /** Each picture's tile changes against the same stream generated without damage. */
    private List<byte[]> changes(TrainingStream stream, Decoded damaged) throws IOException, MediaException {
        GeneratedStream clean = generate(stream.clean());
        try {
            Map<Long, byte[]> reference = new HashMap<>();
            for (AnalysisFrame f : decode(clean.playlist()).frames()) {
                reference.put(f.index(), f.luma());
            }
            TileGrid grid = new TileGrid(inputWidth, inputHeight);
            List<byte[]> out = new ArrayList<>();
            for (AnalysisFrame f : damaged.frames()) {
                byte[] same = reference.get(f.index());
                if (same == null) {
                    throw new IOException(stream.id() + ": picture " + f.index() + " is missing from the clean decode");
                }
                out.add(grid.changes(f.luma(), same));
            }
            return out;
        } finally {
            delete(clean.directory());
        }
    }

    private List<byte[]> unchanged(Decoded decoded) {
        int tiles = new TileGrid(inputWidth, inputHeight).across() * new TileGrid(inputWidth, inputHeight).down();
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < decoded.frames().size(); i++) {
            out.add(new byte[tiles]);
        }
        return out;
    }

    private GeneratedStream generate(TrainingStream stream) throws IOException {
        String id = stream.damage().isEmpty() ? stream.id() + "-clean" : stream.id();
        StreamSpec spec = StreamSpec.of(id, stream.seed()).withSize(stream.size().width(), stream.size().height())
                .withDuration(plan.duration(stream.split())).videoOnly().withContent(stream.content()).withEncoding(stream.encoding())
                .with(stream.injected().toArray(InjectedDefect[]::new));
        return new StreamGenerator().generate(spec, work);
    }

    private Decoded decode(Path playlist) throws MediaException {
        List<AnalysisFrame> frames = new ArrayList<>();
        MediaOptions options = MediaOptions.defaults().withThumbnailSize(inputWidth, inputHeight).withAudio(false);
        try (MediaStream media = FfmpegMediaStream.open(playlist.toString(), options)) {
            for (MediaSample s = media.next(); s != null; s = media.next()) {
                if (s instanceof AnalysisFrame f) {
                    frames.add(f);
                }
            }
        }
        return new Decoded(frames);
    }

    private LabelledStream label(TrainingStream stream, Decoded decoded, List<byte[]> changes, GroundTruth truth) {
        List<Defect> corruption = truth.defects().stream().filter(d -> d.type() == DefectType.BLOCK_CORRUPTION).toList();
        List<AnalysisFrame> frames = decoded.frames();
        int n = frames.size();
        List<byte[]> pictures = new ArrayList<>(n);
        double[] times = new double[n];
        boolean[] keyframes = new boolean[n];
        boolean[] corrupted = new boolean[n];
        for (int i = 0; i < n; i++) {
            AnalysisFrame f = frames.get(i);
            pictures.add(f.luma());
            times[i] = f.time();
            keyframes[i] = f.keyframe();
            corrupted[i] = covered(corruption, times[i]);
        }
        return new LabelledStream(stream, inputWidth, inputHeight, pictures, times, keyframes, corrupted, changes,
                corruption, truth.duration());
    }

    /** Whether a defect covers time {@code t}: start <= t < end (an open end runs to the end of the stream). */
    static boolean covered(List<Defect> defects, double t) {
        for (Defect d : defects) {
            if (t >= d.start() - 1e-6 && (d.end() == null || t < d.end() - 1e-6)) {
                return true;
            }
        }
        return false;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
