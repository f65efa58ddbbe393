package avmon.core.detect;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.AudioBuffer;
import avmon.core.media.MediaException;
import avmon.core.media.MediaSample;
import avmon.core.media.MediaStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a set of detectors over a stream, whole or one segment at a time, and hands each defect to a
 * listener as soon as a detector reports it. The detectors' states live in an {@link AnalysisState}
 * that can be taken out as JSON after a segment and given back to a new analyzer for the next one.
 *
 * <p>A detector that judges pictures in batches ({@link Detector#frameBatch()} above 1, the corruption model)
 * gets them held back until its batch is full; taking the {@link #state()} and ending the stream hand it what is
 * held first, so a segment's state always covers every picture of the segment.
 */
public final class StreamAnalyzer {

    private final List<Slot<?>> videoSlots = new ArrayList<>();
    private final List<Slot<?>> audioSlots = new ArrayList<>();
    private final List<Slot<?>> slots = new ArrayList<>();
    private final AnalysisState state;
    private final Consumer<Defect> listener;

    /** Starts a stream from the beginning. */
    public StreamAnalyzer(List<? extends Detector<?>> detectors, Consumer<Defect> listener) {
        this(detectors, AnalysisState.initial(detectors), listener);
    }

    /** Goes on with a stream from a state an earlier analyzer of the same detectors left. */
    public StreamAnalyzer(List<? extends Detector<?>> detectors, AnalysisState state, Consumer<Defect> listener) {
        this.state = state;
        this.listener = listener;
        for (Detector<?> detector : detectors) {
            Slot<?> slot = Slot.of(detector, state.get(detector.name()));
            slots.add(slot);
            if (detector.usesVideo()) {
                videoSlots.add(slot);
            }
            if (detector.usesAudio()) {
                audioSlots.add(slot);
            }
        }
    }

    /** Feeds every sample of the stream (a whole stream or one segment); does not end the stream. */
    public void analyse(MediaStream stream) throws MediaException {
        for (MediaSample sample = stream.next(); sample != null; sample = stream.next()) {
            accept(sample);
        }
    }

    /** Feeds every sample of a whole stream, then ends it where the stream ended. */
    public void run(MediaStream stream) throws MediaException {
        analyse(stream);
        end(stream.endTime());
    }

    /** Feeds one picture or run of audio. */
    public void accept(MediaSample sample) {
        if (sample instanceof AnalysisFrame frame) {
            for (int i = 0; i < videoSlots.size(); i++) {
                videoSlots.get(i).onFrame(frame, listener);
            }
        } else if (sample instanceof AudioBuffer audio) {
            for (int i = 0; i < audioSlots.size(); i++) {
                audioSlots.get(i).onAudio(audio, listener);
            }
        }
    }

    /** The stream ended at {@code endTime}: detectors report what is still open. */
    public void end(double endTime) {
        for (Slot<?> slot : slots) {
            slot.onEnd(endTime, listener);
        }
    }

    /**
     * The detectors' states as they are now (live: later samples change it), after every picture accepted so
     * far, also those a batching detector held back.
     */
    public AnalysisState state() {
        for (Slot<?> slot : slots) {
            slot.flush(listener);
            state.put(slot.detector.name(), slot.state);
        }
        return state;
    }

    /** A detector with its current state, typed together so no cast is needed per sample. */
    private static final class Slot<S> {
        private final Detector<S> detector;
        private final int batch;
        /** Pictures held back for a detector that judges them in batches. */
        private final List<AnalysisFrame> held = new ArrayList<>();
        private S state;

        private Slot(Detector<S> detector, S state) {
            this.detector = detector;
            this.batch = Math.max(1, detector.frameBatch());
            this.state = state;
        }

        static <S> Slot<S> of(Detector<S> detector, Object state) {
            return new Slot<>(detector, detector.stateType().cast(state));
        }

        void onFrame(AnalysisFrame frame, Consumer<Defect> out) {
            if (batch == 1) {
                state = detector.onFrame(state, frame, out);
                return;
            }
            held.add(frame);
            if (held.size() >= batch) {
                flush(out);
            }
        }

        void flush(Consumer<Defect> out) {
            if (!held.isEmpty()) {
                state = detector.onFrames(state, List.copyOf(held), out);
                held.clear();
            }
        }

        void onAudio(AudioBuffer audio, Consumer<Defect> out) {
            state = detector.onAudio(state, audio, out);
        }

        void onEnd(double endTime, Consumer<Defect> out) {
            flush(out);
            state = detector.onEnd(state, endTime, out);
        }
    }
}
