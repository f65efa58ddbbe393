package avmon.monolith.supervise;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.detect.Detector;
import avmon.core.detect.DetectorSettings;
import avmon.core.detect.StreamAnalyzer;
import avmon.core.media.AnalysisFrame;
import avmon.core.media.Interruption;
import avmon.core.media.MediaException;
import avmon.core.media.MediaSample;
import avmon.core.media.MediaStream;
import avmon.core.media.StreamInfo;
import avmon.core.notify.Notification;
import avmon.core.notify.Notifier;
import avmon.monolith.source.MediaOpener;
import avmon.monolith.source.StreamSource;
import avmon.monolith.status.StreamStatus;
import avmon.monolith.status.StreamStatus.State;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream under supervision: its detectors' state in memory, and the attempts to read its input.
 *
 * <p>An attempt opens the input and pulls samples into the {@link StreamAnalyzer} one at a time on the
 * worker that runs it: nothing is queued between decoder and detectors, so a stream that cannot keep up
 * only falls behind its own input (and says so), it never holds more memory. Attempts of one stream run one
 * after the other; the watchdog and the status endpoint read its progress from other threads.
 *
 * <p>A retried attempt opens the input again and goes on with the same detector state. Samples at or before
 * what was analysed already (a file read again from the start, a live playlist's window) are skipped, so no
 * defect is reported twice.
 */
final class MonitoredStream {

    /** The detector name on input-loss defects: the supervisor reports them, not a detector. */
    static final String INPUT_DETECTOR = "input";

    /** How an attempt ended. */
    enum Outcome {
        /** The input ended; the stream is done. */
        ENDED,
        /** Given up on; the stream is done. */
        FAILED,
        /** The input was lost; try again after the backoff. */
        RETRY,
        /** The supervisor is shutting down. */
        STOPPED
    }

    private static final Logger LOG = LoggerFactory.getLogger(MonitoredStream.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final StreamSource source;
    private final List<Detector<?>> detectors;
    private final Notifier notifier;
    private final MediaOpener opener;
    private final SupervisorSettings settings;
    private final long clockOrigin;
    private final Map<String, LongAdder> defects = new ConcurrentHashMap<>();

    // Written by the worker running the current attempt; read by the watchdog and status.
    private volatile State state = State.QUEUED;
    private volatile Interruption interruption;
    private volatile long lastSampleNanos;
    private volatile boolean stalled;
    private volatile double position;
    private volatile double lag;
    private volatile long frames;
    private volatile long cpuNanos;
    private volatile String lastError;
    private volatile int failures;

    // Worker-only: attempts of one stream never overlap.
    private StreamAnalyzer analyzer;
    private double lastFrameTime = Double.NEGATIVE_INFINITY;
    private double lastAudioTime = Double.NEGATIVE_INFINITY;
    private double liveAnchor = Double.POSITIVE_INFINITY;
    private boolean lossReported;
    private long threadCpuMark;

    MonitoredStream(StreamSource source, List<Detector<?>> detectors, Notifier notifier, MediaOpener opener,
                    SupervisorSettings settings, long clockOrigin) {
        this.source = source;
        this.detectors = detectors;
        this.notifier = notifier;
        this.opener = opener;
        this.settings = settings;
        this.clockOrigin = clockOrigin;
    }

    StreamSource source() {
        return source;
    }

    State state() {
        return state;
    }

    int failures() {
        return failures;
    }

    double position() {
        return position;
    }

    double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    /**
     * Runs one attempt to its end on the calling worker.
     *
     * @param stopping tells whether the supervisor is shutting down
     */
    Outcome runAttempt(java.util.function.BooleanSupplier stopping) {
        Interruption current = new Interruption();
        interruption = current;
        stalled = false;
        lastSampleNanos = System.nanoTime();
        state = State.STARTING;
        threadCpuMark = THREADS.getCurrentThreadCpuTime();
        if (stopping.getAsBoolean()) {
            return Outcome.STOPPED;
        }
        try (MediaStream media = opener.open(source, current)) {
            prepareAnalyzer(media.info());
            state = State.RUNNING;
            boolean progressed = false;
            for (MediaSample sample = media.next(); sample != null; sample = media.next()) {
                lastSampleNanos = System.nanoTime();
                if (stopping.getAsBoolean()) {
                    return Outcome.STOPPED;
                }
                if (analyse(sample) && !progressed) {
                    progressed = true;
                    recovered();
                }
                meterCpu();
            }
            if (stopping.getAsBoolean()) {
                return Outcome.STOPPED;
            }
            if (current.isInterrupted()) {
                // FFmpeg's HLS demuxer turns an interrupted wait for the next segment into an end of input.
                return inputFailed(new MediaException(MediaException.Reason.READ_FAILED, source.location(),
                        source.location() + ": interrupted"));
            }
            analyzer.end(Math.max(position, media.endTime()));
            state = State.ENDED;
            return Outcome.ENDED;
        } catch (MediaException e) {
            return stopping.getAsBoolean() ? Outcome.STOPPED : inputFailed(e);
        } catch (RuntimeException e) {
            // A bug in a detector or the media layer: this stream stops, the others go on.
            LOG.error("{}: analysis failed", source.id(), e);
            return giveUp("ANALYSIS_FAILED", "analysis failed: " + e);
        } finally {
            meterCpu();
            interruption = null;
        }
    }

    private void prepareAnalyzer(StreamInfo info) {
        if (analyzer == null) {
            analyzer = new StreamAnalyzer(DetectorSettings.applicable(detectors, info.hasVideo(), info.hasAudio()),
                    this::report);
        }
    }

    /** Feeds one sample unless it was analysed before; returns whether it was new. */
    private boolean analyse(MediaSample sample) {
        boolean frame = sample instanceof AnalysisFrame;
        double time = sample.time();
        if (time <= (frame ? lastFrameTime : lastAudioTime)) {
            return false;
        }
        analyzer.accept(sample);
        if (frame) {
            lastFrameTime = time;
            frames++;
        } else {
            lastAudioTime = time;
        }
        position = Math.max(position, time);
        measureLag(time);
        return true;
    }

    /**
     * Lag behind the live edge: how much later than the earliest it could have been this sample was
     * analysed. The earliest is the smallest (wall clock - stream time) seen, which is when the stream was
     * analysed as soon as its input had it; a paced file and a live playlist both keep that offset
     * constant while analysis keeps up. Files read at full speed have no live edge: lag 0.
     */
    private void measureLag(double streamTime) {
        if (!source.live()) {
            return;
        }
        double offset = (System.nanoTime() - clockOrigin) / 1e9 - streamTime;
        liveAnchor = Math.min(liveAnchor, offset);
        lag = offset - liveAnchor;
        State now = lag > settings.maxLag().toNanos() / 1e9 ? State.BEHIND : State.RUNNING;
        if (now != state) {
            if (now == State.BEHIND) {
                LOG.warn("{}: behind the live edge by {} s", source.id(), String.format(Locale.ROOT, "%.1f", lag));
            }
            state = now;
        }
    }

    private void recovered() {
        failures = 0;
        lossReported = false;
    }

    private Outcome inputFailed(MediaException e) {
        String why = stalled
                ? "no sample for " + settings.stallTimeout().toSeconds() + " s"
                : e.getMessage();
        if (!stalled && isPermanent(e)) {
            return giveUp(e.reason().name(), e.getMessage());
        }
        lastError = String.format(Locale.ROOT, "input lost at %.3f s: %s", position, why);
        if (!lossReported) {
            lossReported = true;
            report(new Defect(DefectType.INPUT_LOSS, position, null, null, INPUT_DETECTOR));
        }
        failures++;
        if (!source.live() && !stalled) {
            // A local file read at full speed fails the same way every time: report where, do not retry.
            return giveUp(e.reason().name(), e.getMessage());
        }
        if (settings.retry().givesUpAfter(failures)) {
            return giveUp("INPUT_LOSS", "gave up after " + failures + " attempts: " + lastError);
        }
        state = State.RETRYING;
        return Outcome.RETRY;
    }

    /**
     * Errors that another attempt cannot cure: not media at all, or a local file that is not there. (A
     * local file that fails part way is not retried either, but its input loss is reported first.)
     */
    private boolean isPermanent(MediaException e) {
        return switch (e.reason()) {
            case NOT_MEDIA, NO_USABLE_STREAM -> true;
            case NOT_FOUND -> source.kind() == StreamSource.Kind.FILE;
            case READ_FAILED -> false;
        };
    }

    private Outcome giveUp(String error, String message) {
        lastError = message;
        if (analyzer != null) {
            // What was open when the input went for good is reported, running to the end of the input.
            analyzer.end(position);
        }
        send(Notification.streamFailed(source.id(), error, message));
        state = State.FAILED;
        return Outcome.FAILED;
    }

    /** The stream stalled: make the blocked read give up, the attempt then ends as input loss. */
    boolean interruptIfStalled(long nowNanos) {
        Interruption current = interruption;
        if (current == null || stalled || nowNanos - lastSampleNanos <= settings.stallTimeout().toNanos()) {
            return false;
        }
        stalled = true;
        current.interrupt();
        return true;
    }

    /** Makes a blocked read give up, for shutdown. */
    void interrupt() {
        Interruption current = interruption;
        if (current != null) {
            current.interrupt();
        }
    }

    /** The supervisor shut down: a stream not yet done says so. */
    void stopped() {
        if (state != State.ENDED && state != State.FAILED) {
            state = State.STOPPED;
        }
    }

    void retryingIn(java.time.Duration delay) {
        lastError = lastError + String.format(Locale.ROOT, "; retry %d in %.1f s", failures, delay.toMillis() / 1000.0);
    }

    private void report(Defect defect) {
        defects.computeIfAbsent(defect.type().jsonName(), k -> new LongAdder()).increment();
        send(Notification.defect(source.id(), defect));
    }

    private void send(Notification notification) {
        try {
            notifier.send(notification);
        } catch (RuntimeException e) {
            // The notification is not lost silently: it goes to the log with why it could not be sent.
            LOG.error("{}: could not send {}: {}", source.id(), notification, e.toString());
            lastError = "notification not sent: " + e.getMessage();
        }
    }

    private void meterCpu() {
        long now = THREADS.getCurrentThreadCpuTime();
        if (now >= 0 && threadCpuMark >= 0) {
            cpuNanos += now - threadCpuMark;
        }
        threadCpuMark = now;
    }

    StreamStatus status() {
        Map<String, Long> counts = new TreeMap<>();
        defects.forEach((type, n) -> counts.put(type, n.sum()));
        return new StreamStatus(source.id(), source.location(), state, position, lag, frames, counts, lastError,
                cpuSeconds());
    }
}
