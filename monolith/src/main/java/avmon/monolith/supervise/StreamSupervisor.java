package avmon.monolith.supervise;

import avmon.core.detect.Detector;
import avmon.core.notify.Notifier;
import avmon.monolith.metering.ResourceMeter;
import avmon.monolith.metering.ResourceUsage;
import avmon.monolith.source.MediaOpener;
import avmon.monolith.source.StreamSource;
import avmon.monolith.status.StatusSource;
import avmon.monolith.status.StreamStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs many streams at once in this process, the monolith's core: per stream a decode loop feeding its
 * detectors, with the detectors' state in memory and defects to the notifier.
 *
 * <p>Resources are bounded. A fixed pool of {@code workers} threads runs the streams; a stream holds its
 * worker for as long as its input is being read, including while a live input's read blocks waiting for
 * the next segment, so a blocked stream only ever holds its own worker and never starves another's.
 * Streams beyond the pool's size wait in {@link StreamStatus.State#QUEUED}, and a stream waiting to retry
 * gives its worker back. Each stream pulls one sample at a time, so memory per stream is fixed whatever its
 * speed: a stream that cannot keep up falls behind ({@link StreamStatus.State#BEHIND}, with its lag).
 *
 * <p>A watchdog interrupts a stream that has had no sample for the stall timeout; the stream reports
 * input loss and is retried with backoff (see {@link RetryPolicy}), while the others carry on.
 */
public final class StreamSupervisor implements StatusSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSupervisor.class);
    private static final long WATCH_PERIOD_MILLIS = 200;

    private final List<MonitoredStream> streams = new ArrayList<>();
    private final SupervisorSettings settings;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private final CountDownLatch finished;
    private final ResourceMeter meter;
    private volatile boolean stopping;
    private boolean started;

    /**
     * A supervisor for {@code sources}, each analysed by all of {@code detectors} (those that apply to what
     * the input holds), reporting to {@code notifier}. Nothing runs until {@link #start()}.
     */
    public StreamSupervisor(List<StreamSource> sources, List<Detector<?>> detectors, Notifier notifier,
                            MediaOpener opener, SupervisorSettings settings) {
        this.settings = settings;
        this.meter = new ResourceMeter();
        long clockOrigin = System.nanoTime();
        for (StreamSource source : sources) {
            streams.add(new MonitoredStream(source, List.copyOf(detectors), notifier, opener, settings, clockOrigin));
        }
        this.finished = new CountDownLatch(streams.size());
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), threads("avmon-stream-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(threads("avmon-watchdog-"));
    }

    /** Starts every stream (those beyond the worker count queue) and the watchdog. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        timer.scheduleAtFixedRate(this::watch, WATCH_PERIOD_MILLIS, WATCH_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        streams.forEach(this::submit);
    }

    /** Waits until every stream has ended or been given up on; returns false if {@code timeout} passed first. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Waits until every stream has ended or been given up on. */
    public void awaitEnd() throws InterruptedException {
        finished.await();
    }

    @Override
    public List<StreamStatus> streams() {
        return streams.stream().map(MonitoredStream::status).toList();
    }

    @Override
    public double cpuSeconds() {
        return meter.cpuSeconds();
    }

    @Override
    public long peakMemoryBytes() {
        return meter.peakHeapBytes();
    }

    @Override
    public long peakResidentBytes() {
        return meter.peakResidentBytes();
    }

    /** What the run has cost so far, with the stream time analysed by all streams. */
    public ResourceUsage usage() {
        double streamSeconds = streams.stream().mapToDouble(MonitoredStream::position).sum();
        return meter.usage(streams.size(), streamSeconds);
    }

    /** Stops every stream (blocked reads are interrupted) and waits briefly for the workers to let go. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        streams.forEach(MonitoredStream::interrupt);
        timer.shutdownNow();
        workers.shutdownNow();
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("streams still reading 10 s after shutdown: {}", streams.stream()
                    .filter(s -> s.state() == StreamStatus.State.RUNNING).map(s -> s.source().id()).toList());
        }
        streams.forEach(MonitoredStream::stopped);
    }

    private void submit(MonitoredStream stream) {
        try {
            workers.execute(() -> attempt(stream));
        } catch (RejectedExecutionException e) {
            // Shut down while the stream waited to retry: it stays as it was.
        }
    }

    private void attempt(MonitoredStream stream) {
        MonitoredStream.Outcome outcome = stream.runAttempt(() -> stopping);
        switch (outcome) {
            case ENDED, FAILED -> finished.countDown();
            case RETRY -> {
                Duration delay = settings.retry().delayAfter(stream.failures());
                stream.retryingIn(delay);
                try {
                    timer.schedule(() -> submit(stream), delay.toNanos(), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    // Shutting down: no retry.
                }
            }
            case STOPPED -> {
                // Shutting down: nothing more to do for this stream.
            }
        }
    }

    private void watch() {
        meter.sample();
        long now = System.nanoTime();
        for (MonitoredStream stream : streams) {
            stream.interruptIfStalled(now);
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
