package avmon.monolith.testing;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.Interruption;
import avmon.core.media.MediaException;
import avmon.core.media.MediaSample;
import avmon.core.media.MediaStream;
import avmon.core.media.StreamInfo;
import avmon.monolith.source.MediaOpener;
import avmon.monolith.source.StreamSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link MediaOpener} whose streams follow a script, one per attempt: moving pictures over a time range,
 * then an end, a read failure, or a read that blocks until interrupted (a stalled live input). For the
 * supervisor's failure paths, which real media cannot produce on demand.
 */
public final class ScriptedMedia implements MediaOpener {

    /** How an attempt's stream finishes after its pictures. */
    public enum Finish { END, FAIL, BLOCK }

    /**
     * One attempt: pictures from {@code from} to {@code to} seconds at 25 fps, the last one only after a
     * wall-clock pause of {@code pauseBeforeLast} seconds (a decoder that could not keep up), then
     * {@code finish}.
     */
    public record Attempt(double from, double to, Finish finish, double pauseBeforeLast) {
        public Attempt(double from, double to, Finish finish) {
            this(from, to, finish, 0);
        }
    }

    private final List<Attempt> attempts;
    private final CountDownLatch blocked = new CountDownLatch(1);
    private int next;

    public ScriptedMedia(Attempt... attempts) {
        this.attempts = List.of(attempts);
    }

    /** How many times the source was opened. */
    public synchronized int opened() {
        return next;
    }

    /** Waits until some attempt's read is blocked. */
    public boolean awaitBlocked(long seconds) throws InterruptedException {
        return blocked.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public synchronized MediaStream open(StreamSource source, Interruption interruption) throws MediaException {
        if (next >= attempts.size()) {
            throw new MediaException(MediaException.Reason.NOT_FOUND, source.location(), "script has no attempt " + next);
        }
        return new Scripted(source.location(), attempts.get(next++), interruption);
    }

    private final class Scripted implements MediaStream {
        private final String location;
        private final Attempt attempt;
        private final Interruption interruption;
        private final List<MediaSample> samples = new ArrayList<>();
        private int position;
        private double endTime;

        Scripted(String location, Attempt attempt, Interruption interruption) {
            this.location = location;
            this.attempt = attempt;
            this.interruption = interruption;
            long first = Math.round(attempt.from() * 25);
            long last = Math.round(attempt.to() * 25);
            for (long i = first; i < last; i++) {
                byte[] luma = new byte[16];
                for (int k = 0; k < luma.length; k++) {
                    luma[k] = (byte) (i * 7 + k * 13);
                }
                samples.add(new AnalysisFrame(i, i / 25.0, 4, 4, luma, List.of()));
            }
        }

        @Override
        public StreamInfo info() {
            return new StreamInfo(location, true, false, 4, 4, 25, 0, 0, "scripted", "");
        }

        @Override
        public MediaSample next() throws MediaException {
            if (position < samples.size()) {
                if (position == samples.size() - 1 && attempt.pauseBeforeLast() > 0) {
                    pause((long) (attempt.pauseBeforeLast() * 1000));
                }
                MediaSample s = samples.get(position++);
                endTime = s.time() + 0.04;
                return s;
            }
            switch (attempt.finish()) {
                case END -> {
                    return null;
                }
                case FAIL -> throw new MediaException(MediaException.Reason.READ_FAILED, location,
                        location + ": connection reset (scripted)");
                default -> {
                    blocked.countDown();
                    while (!interruption.isInterrupted()) {
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                    throw new MediaException(MediaException.Reason.READ_FAILED, location,
                            location + ": Immediate exit requested (scripted)");
                }
            }
        }

        private void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public double endTime() {
            return endTime;
        }

        @Override
        public void close() {
        }
    }
}
