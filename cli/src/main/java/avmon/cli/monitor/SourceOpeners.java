package avmon.cli.monitor;

import avmon.aws.s3.S3SourceFetcher;
import avmon.cli.UserError;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.monolith.source.FfmpegOpener;
import avmon.monolith.source.MediaOpener;
import avmon.monolith.source.OpenerByKind;
import avmon.monolith.source.SegmentedHlsOpener;
import avmon.monolith.source.StreamSource;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How the monitor opens its sources: FFmpeg for files and HTTP(S), S3 through the AWS SDK for {@code s3://}
 * playlists. Every {@code s3://} playlist is read once before monitoring starts: one that never existed
 * (no such bucket or key), is not a media playlist, or cannot be read (endpoint, credentials) is an error
 * at once, rather than a stream retried for minutes. Once monitoring runs, a playlist or segment that
 * goes missing is input loss, reported and retried.
 */
final class SourceOpeners {

    private SourceOpeners() {
    }

    /**
     * The opener for {@code sources}; an S3 client, when needed, is closed with {@code resources}.
     *
     * @throws UserError naming the first {@code s3://} playlist that cannot work, and why
     */
    static MediaOpener forSources(List<StreamSource> sources, MediaOptions options, AwsOptions aws,
                                  List<AutoCloseable> resources) {
        FfmpegOpener ffmpeg = new FfmpegOpener(options);
        Map<StreamSource.Kind, MediaOpener> openers = new EnumMap<>(StreamSource.Kind.class);
        openers.put(StreamSource.Kind.FILE, ffmpeg);
        openers.put(StreamSource.Kind.HTTP, ffmpeg);
        List<StreamSource> inS3 = sources.stream().filter(s -> s.kind() == StreamSource.Kind.S3).toList();
        if (!inS3.isEmpty()) {
            S3Client s3 = aws.s3();
            resources.add(s3);
            Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "avmon-monitor");
            SegmentedHlsOpener opener = new SegmentedHlsOpener(new S3SourceFetcher(s3), options, workDir);
            for (StreamSource source : inS3) {
                check(opener, source, aws);
            }
            openers.put(StreamSource.Kind.S3, opener);
        }
        return new OpenerByKind(openers);
    }

    private static void check(SegmentedHlsOpener opener, StreamSource source, AwsOptions aws) {
        try {
            opener.check(source);
        } catch (MediaException e) {
            String where = e.getMessage().contains(source.location()) ? "" : source.location() + ": ";
            throw new UserError(where + e.getMessage() + " (S3 at " + aws.s3Target() + ")");
        }
    }
}
