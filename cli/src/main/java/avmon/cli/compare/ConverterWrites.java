package avmon.cli.compare;

import avmon.cli.serverless.LocalPipeline;
import avmon.cli.serverless.StreamOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * What the converter wrote, counted apart from the S3 request meter so the two can be checked against each
 * other: pictures and audio buffers from the manifests the converter returned (read back from the
 * executions' histories, where each {@code ConvertSegment} state's output is the converter's result), and
 * segment manifests and bytes from what the bucket holds. The converter returns its manifest in the
 * execution's state rather than storing it, so no manifest object is expected.
 *
 * @param frames      pictures the converter's manifests list
 * @param audio       audio buffers the converter's manifests list
 * @param manifests   manifest objects in the bucket
 * @param objects     objects in the bucket under {@code frames/}
 * @param bytes       their bytes
 */
public record ConverterWrites(long frames, long audio, long manifests, long objects, long bytes) {

    /** The state whose output is the converter's result. */
    static final String CONVERT_STATE = "ConvertSegment";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Counts what the converter wrote over every execution of {@code streams}. */
    public static ConverterWrites count(SfnClient sfn, S3Client s3, List<StreamOutcome> streams) {
        long frames = 0;
        long audio = 0;
        for (StreamOutcome stream : streams) {
            for (String execution : stream.executionArns()) {
                for (HistoryEvent e : sfn.getExecutionHistoryPaginator(b -> b.executionArn(execution).maxResults(1000))
                        .events()) {
                    JsonNode manifest = convertedManifest(e);
                    if (manifest != null) {
                        frames += manifest.path("frames").size();
                        audio += manifest.hasNonNull("audio") ? 1 : 0;
                    }
                }
            }
        }
        long manifests = 0;
        long objects = 0;
        long bytes = 0;
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(LocalPipeline.BUCKET).prefix("frames/")).contents()) {
            objects++;
            bytes += o.size();
            manifests += o.key().endsWith("manifest.json") ? 1 : 0;
        }
        return new ConverterWrites(frames, audio, manifests, objects, bytes);
    }

    /** The manifest in a {@code ConvertSegment} exit, or null for any other event (or a pending segment). */
    private static JsonNode convertedManifest(HistoryEvent e) {
        if (!"TaskStateExited".equals(e.typeAsString()) || e.stateExitedEventDetails() == null
                || !CONVERT_STATE.equals(e.stateExitedEventDetails().name())) {
            return null;
        }
        try {
            JsonNode manifest = JSON.readTree(e.stateExitedEventDetails().output()).get("manifest");
            return manifest == null || manifest.isNull() ? null : manifest;
        } catch (IOException ex) {
            throw new UncheckedIOException("the converter's output in the history is not JSON", ex);
        }
    }

    /** Objects the converter wrote, by its own account: pictures, audio buffers and manifests. */
    public long written() {
        return frames + audio + manifests;
    }
}
