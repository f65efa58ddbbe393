package avmon.monolith.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.MediaSample;
import avmon.core.media.MediaStream;
import avmon.core.media.StreamInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacedMediaStreamTest {

    @Test
    void next_segmentsWithPhase_firstSegmentShortAndLaterOnesNotBeforeTheirBoundary() throws Exception {
        // 0.4 s segments shifted by 0.3 s: boundaries at 0.1, 0.5, 0.9 s of stream time.
        PacedMediaStream paced = new PacedMediaStream(new Frames(25, 1.0), null, 0.4, 0.3);
        long start = System.nanoTime();
        List<double[]> released = new ArrayList<>();
        for (MediaSample s = paced.next(); s != null; s = paced.next()) {
            released.add(new double[] {s.time(), (System.nanoTime() - start) / 1e9});
        }

        assertEquals(25, released.size(), "every picture handed out");
        for (double[] r : released) {
            double boundary = r[0] < 0.1 - 1e-9 ? 0 : r[0] < 0.5 - 1e-9 ? 0.1 : r[0] < 0.9 - 1e-9 ? 0.5 : 0.9;
            assertTrue(r[1] >= boundary - 0.005, () -> "picture at " + r[0] + " s released at " + r[1]
                    + " s of wall time, before its segment's boundary " + boundary);
        }
    }

    @Test
    void constructor_phaseNotShorterThanASegment_isRefused() {
        Frames frames = new Frames(25, 1.0);

        assertThrows(IllegalArgumentException.class, () -> new PacedMediaStream(frames, null, 2, 2),
                "a phase of a whole segment");
        assertThrows(IllegalArgumentException.class, () -> new PacedMediaStream(frames, null, 2, -0.5),
                "a negative phase");
        assertThrows(IllegalArgumentException.class, () -> new PacedMediaStream(frames, null, 0, 0.5),
                "a phase without segments");
    }

    /** Pictures at {@code fps} for {@code seconds}, handed out at once. */
    private static final class Frames implements MediaStream {
        private final int count;
        private final int fps;
        private int next;

        Frames(int fps, double seconds) {
            this.fps = fps;
            this.count = (int) Math.round(fps * seconds);
        }

        @Override
        public StreamInfo info() {
            return new StreamInfo("frames", true, false, 4, 4, fps, 0, 0, "test", "");
        }

        @Override
        public MediaSample next() {
            if (next == count) {
                return null;
            }
            long i = next++;
            return new AnalysisFrame(i, i / (double) fps, 4, 4, new byte[16], List.of());
        }

        @Override
        public double endTime() {
            return next / (double) fps;
        }

        @Override
        public void close() {
        }
    }
}
