package avmon.cli.compare;

import avmon.core.evaluate.GroundTruth;
import avmon.core.source.HlsPlaylist;
import avmon.core.source.PlaylistException;
import avmon.core.synth.GeneratedStream;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The streams of a comparison, each with its ground truth: generated for the run, or read back from a folder
 * of stream folders as {@code avmon generate} (or an earlier comparison) wrote them.
 */
final class CompareStreams {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAYLIST = "index.m3u8";

    private CompareStreams() {
    }

    /** Generates the workload's streams under {@code dir}, one phase step per stream. */
    static List<GeneratedStream> generate(CompareWorkload workload, Path dir, Progress progress) throws IOException {
        List<StreamSpec> specs = workload.specs();
        progress.phase("generating", specs.size(), "streams");
        StreamGenerator generator = new StreamGenerator(line -> { });
        List<GeneratedStream> streams = new ArrayList<>();
        for (StreamSpec spec : specs) {
            streams.add(generator.generate(spec, dir));
            progress.advanceTo(streams.size());
        }
        return streams;
    }

    /**
     * The stream folders in {@code dir} (each with {@code index.m3u8} and {@code truth.json}), by name.
     *
     * @throws IOException when a folder's truth or playlist cannot be read, or there is no stream at all
     */
    static List<GeneratedStream> read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no such folder");
        }
        List<Path> folders;
        try (Stream<Path> entries = Files.list(dir)) {
            folders = entries.filter(f -> Files.isRegularFile(f.resolve(PLAYLIST))).sorted().toList();
        }
        if (folders.isEmpty()) {
            throw new IOException("holds no stream folders (folders with " + PLAYLIST + ")");
        }
        List<GeneratedStream> streams = new ArrayList<>();
        for (Path folder : folders) {
            Path truthFile = folder.resolve(StreamGenerator.TRUTH_FILE);
            if (!Files.isRegularFile(truthFile)) {
                throw new IOException(folder + " has no " + StreamGenerator.TRUTH_FILE
                        + ": the comparison checks both designs against each stream's ground truth");
            }
            GroundTruth truth = JSON.readValue(truthFile.toFile(), GroundTruth.class);
            Path playlist = folder.resolve(PLAYLIST);
            streams.add(new GeneratedStream(folder, playlist, segments(playlist), truth));
        }
        return streams;
    }

    private static int segments(Path playlist) throws IOException {
        try {
            return HlsPlaylist.parse(playlist.toUri(), Files.readString(playlist)).segments().size();
        } catch (PlaylistException e) {
            throw new IOException(playlist + ": " + e.getMessage(), e);
        }
    }
}
