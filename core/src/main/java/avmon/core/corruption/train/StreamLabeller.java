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
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes a {@link LabelledStream}: generates the stream (H.264 in MPEG-TS segments, its bitstream damaged where
 * planned), decodes it to gray pictures of the model's input size exactly as the monitor's media layer does,
 * and labels each picture from the generator's ground truth, which compares every damaged picture with the
 * clean decode of the same picture at full size. The generated files are deleted afterwards.
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
        Path cached = work.resolve(cacheName(stream));
        if (Files.exists(cached)) {
            return LabelledStreamFile.read(cached, stream);
        }
        LabelledStream labelled = generateAndLabel(stream);
        LabelledStreamFile.write(labelled, cached);
        return labelled;
    }

    /** A file name that changes with everything that makes the stream and its pictures. */
    private String cacheName(TrainingStream stream) {
        String key = stream + "|" + plan.duration() + "|" + plan.width() + "x" + plan.height() + "|" + inputWidth + "x" + inputHeight;
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
            return decode(made, generated.playlist(), generated.truth());
        } catch (MediaException e) {
            throw new IOException(stream.id() + ": cannot decode the generated stream: " + e.getMessage(), e);
        } finally {
            delete(generated.directory());
        }
    }

    private GeneratedStream generate(TrainingStream stream) throws IOException {
        StreamSpec spec = StreamSpec.of(stream.id(), stream.seed()).withSize(plan.width(), plan.height())
                .withDuration(plan.duration()).videoOnly().withContent(stream.content())
                .with(stream.damage().toArray(InjectedDefect[]::new));
        return new StreamGenerator().generate(spec, work);
    }

    private LabelledStream decode(TrainingStream stream, Path playlist, GroundTruth truth) throws MediaException {
        List<Defect> corruption = truth.defects().stream().filter(d -> d.type() == DefectType.BLOCK_CORRUPTION).toList();
        List<byte[]> pictures = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        MediaOptions options = MediaOptions.defaults().withThumbnailSize(inputWidth, inputHeight).withAudio(false);
        try (MediaStream media = FfmpegMediaStream.open(playlist.toString(), options)) {
            for (MediaSample s = media.next(); s != null; s = media.next()) {
                if (s instanceof AnalysisFrame f) {
                    pictures.add(f.luma());
                    times.add(f.time());
                }
            }
        }
        double[] t = times.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] corrupted = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            corrupted[i] = covered(corruption, t[i]);
        }
        return new LabelledStream(stream, inputWidth, inputHeight, pictures, t, corrupted, corruption, truth.duration());
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
