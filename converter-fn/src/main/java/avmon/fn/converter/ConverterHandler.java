package avmon.fn.converter;

import avmon.aws.lambda.AllowedSourceFetcher;
import avmon.aws.lambda.AwsClients;
import avmon.aws.lambda.FunctionSettings;
import avmon.aws.lambda.JsonHandler;
import avmon.aws.lambda.error.FrameStoreUnavailableException;
import avmon.aws.lambda.error.InvalidEventException;
import avmon.aws.lambda.error.SourceUnavailableException;
import avmon.aws.lambda.error.StreamNotFoundException;
import avmon.aws.lambda.error.UnreadableStreamException;
import avmon.aws.metering.RequestMeter;
import avmon.aws.s3.S3FrameStore;
import avmon.aws.s3.S3SourceFetcher;
import avmon.core.convert.ConvertRequest;
import avmon.core.convert.ConvertResult;
import avmon.core.convert.SegmentConverter;
import avmon.core.convert.SegmentOutOfRangeException;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.source.HttpsSourceFetcher;
import avmon.core.source.PlaylistException;
import avmon.core.source.SourceException;
import avmon.core.source.SourcePolicy;
import avmon.core.store.SegmentKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The converter function: one segment of a stream in, its frames (PNG, lossless) and audio buffer written to the
 * frames bucket, the manifest and timing out. Event: {@code {streamId, source, segment, origin}}.
 */
public final class ConverterHandler extends JsonHandler<ConvertRequest, ConvertResult> {

    private final AllowedSourceFetcher fetcher;
    private final SegmentConverter converter;

    /** Lambda's constructor: settings from the process environment. */
    public ConverterHandler() {
        this(System.getenv());
    }

    public ConverterHandler(Map<String, String> env) {
        this(env, null);
    }

    /** @param meter counts the function's S3 requests, or {@code null} */
    public ConverterHandler(Map<String, String> env, RequestMeter meter) {
        super(ConvertRequest.class, "streamId", "source", "segment");
        FunctionSettings settings = FunctionSettings.from(env);
        S3Client s3 = new AwsClients(settings, meter == null ? List.of() : List.of(meter)).s3();
        String bucket = settings.requireFramesBucket();
        this.fetcher = new AllowedSourceFetcher(new SourcePolicy(bucket, settings.allowedHosts(), false),
                new S3SourceFetcher(s3), new HttpsSourceFetcher(Duration.ofSeconds(10)));
        MediaOptions options = MediaOptions.defaults()
                .withThumbnailSize(settings.thumbnailWidth(), settings.thumbnailHeight());
        Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "avmon-converter");
        this.converter = new SegmentConverter(fetcher, new S3FrameStore(s3, bucket), options, workDir);
    }

    @Override
    protected ConvertResult handle(ConvertRequest event) {
        try {
            SegmentKey.requireValidStreamId(event.streamId());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
        if (event.segment() < 0) {
            throw new InvalidEventException("event field 'segment' must be >= 0, was " + event.segment());
        }
        fetcher.check(event.source());
        try {
            return converter.convert(event);
        } catch (SourceException e) {
            throw e.reason() == SourceException.Reason.NOT_FOUND
                    ? new StreamNotFoundException(event.streamId() + ": " + e.getMessage(), e)
                    : new SourceUnavailableException(event.streamId() + ": " + e.getMessage(), e);
        } catch (SegmentOutOfRangeException e) {
            throw new StreamNotFoundException(event.streamId() + ": " + e.getMessage(), e);
        } catch (PlaylistException | MediaException e) {
            throw new UnreadableStreamException(event.streamId() + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new FrameStoreUnavailableException(event.streamId() + ": cannot store the frames of segment "
                    + event.segment() + ": " + e.getMessage(), e);
        }
    }
}
