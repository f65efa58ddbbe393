package avmon.fn.detector;

import avmon.aws.lambda.AwsClients;
import avmon.aws.lambda.FunctionSettings;
import avmon.aws.lambda.JsonHandler;
import avmon.aws.lambda.error.FrameStoreUnavailableException;
import avmon.aws.lambda.error.FramesMissingException;
import avmon.aws.lambda.error.InvalidEventException;
import avmon.aws.metering.RequestMeter;
import avmon.aws.s3.S3FrameStore;
import avmon.core.analyse.AnalyseRequest;
import avmon.core.analyse.AnalyseResult;
import avmon.core.analyse.SegmentAnalysis;
import avmon.core.detect.DetectorSettings;
import avmon.core.store.MissingObjectException;
import avmon.core.store.SegmentKey;
import avmon.core.store.SegmentManifest;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The detector function: one detector over one converted segment, frames read back from the frames
 * bucket, the detector's state in and out through the event. Event:
 * {@code {streamId, detector: {name, state}, manifest, last, end}}.
 *
 * <p>It runs the detectors its deployment enables ({@link EnabledDetectors}, the classical ones unless told
 * otherwise). When they include a model detector, the model is loaded in the constructor (Lambda's INIT phase),
 * so a deployment without PyTorch's natives fails there with a {@link ModelUnavailableException}.
 */
public final class DetectorHandler extends JsonHandler<AnalyseRequest, AnalyseResult> {

    private final SegmentAnalysis analysis;
    private final EnabledDetectors enabled;

    /** Lambda's constructor: settings from the process environment. */
    public DetectorHandler() {
        this(System.getenv());
    }

    public DetectorHandler(Map<String, String> env) {
        this(env, null);
    }

    /**
     * @param meter counts the function's S3 requests, or {@code null}
     * @throws ModelUnavailableException when a model detector is enabled and its model does not load
     */
    public DetectorHandler(Map<String, String> env, RequestMeter meter) {
        super(AnalyseRequest.class, "streamId", "detector.name", "manifest", "manifest.segment");
        FunctionSettings settings = FunctionSettings.from(env);
        this.enabled = EnabledDetectors.from(env);
        if (enabled.includesModel()) {
            ModelLoading.load(enabled);
        }
        var s3 = new AwsClients(settings, meter == null ? List.of() : List.of(meter)).s3();
        this.analysis = new SegmentAnalysis(new S3FrameStore(s3, settings.requireFramesBucket()),
                DetectorSettings.DEFAULTS);
    }

    @Override
    protected AnalyseResult handle(AnalyseRequest event) {
        requireOwnObjects(event);
        requireEnabled(event.detector().name());
        try {
            return analysis.analyse(event);
        } catch (MissingObjectException e) {
            throw new FramesMissingException(event.streamId() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(event.streamId() + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new FrameStoreUnavailableException(event.streamId() + ": cannot read the frames of segment "
                    + event.manifest().segment().segment() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A detector this deployment does not run is refused before anything is read: a model detector sent to the
     * zip-packaged function would otherwise fail on PyTorch's absence with an untyped linkage error.
     */
    private void requireEnabled(String detector) {
        if (!enabled.contains(detector)) {
            throw new InvalidEventException("detector '" + detector + "' is not enabled in this function ("
                    + EnabledDetectors.ENV + "=" + enabled + ")");
        }
    }

    /**
     * The manifest may only name objects under its own stream's segment prefix: an event cannot make the
     * function read another stream's frames or anything else in the bucket.
     */
    private static void requireOwnObjects(AnalyseRequest event) {
        try {
            SegmentKey.requireValidStreamId(event.streamId());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
        SegmentManifest manifest = event.manifest();
        if (!manifest.segment().streamId().equals(event.streamId())) {
            throw new InvalidEventException("the manifest is for stream '" + manifest.segment().streamId()
                    + "', not '" + event.streamId() + "'");
        }
        String prefix = manifest.segment().prefix();
        for (SegmentManifest.FrameEntry frame : manifest.frames()) {
            requireUnder(prefix, frame.key());
        }
        if (manifest.audio() != null) {
            requireUnder(prefix, manifest.audio().key());
        }
    }

    private static void requireUnder(String prefix, String key) {
        if (key == null || !key.startsWith(prefix) || key.contains("/../")) {
            throw new InvalidEventException("manifest key '" + key + "' is not under " + prefix);
        }
    }
}
