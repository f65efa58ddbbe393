package avmon.core.evaluate;

/**
 * How one block corruption signal did over the evaluated streams: per picture and per defect (a contiguous run
 * of corrupted pictures in the ground truth).
 *
 * @param signal               the signal's name
 * @param note                 why the signal was not scored, or how it was set up (the threshold chosen); never null
 * @param available            whether the signal was scored at all
 * @param threshold            the metric threshold used, or null for a detector
 * @param frames               pictures evaluated
 * @param corruptFrames        pictures corrupted in the ground truth
 * @param flaggedFrames        pictures the signal flagged
 * @param truePositiveFrames   corrupted pictures the signal flagged
 * @param framePrecision       truePositiveFrames / flaggedFrames, or null when none were flagged
 * @param frameRecall          truePositiveFrames / corruptFrames, or null when none are corrupted
 * @param truths               corruption defects in the ground truth
 * @param detections           defects the signal reported
 * @param matched              true defects matched by a detection ({@link Evaluator}'s rules)
 * @param defectRecall         matched / truths, or null without truths
 * @param startError           start errors of the matched pairs, seconds
 * @param endError             end errors of the matched pairs, seconds
 * @param falseAlarms          detections that match no true defect
 * @param minutes              minutes of video evaluated
 */
public record SignalScore(String signal, String note, boolean available, Double threshold, int frames,
                          int corruptFrames, int flaggedFrames, int truePositiveFrames, Double framePrecision,
                          Double frameRecall, int truths, int detections, int matched, Double defectRecall,
                          ErrorSummary startError, ErrorSummary endError, int falseAlarms, double minutes) {

    /** A signal that could not be scored. */
    public static SignalScore unavailable(String signal, String reason) {
        ErrorSummary none = ErrorSummary.of(java.util.List.of());
        return new SignalScore(signal, reason, false, null, 0, 0, 0, 0, null, null, 0, 0, 0, null, none, none, 0, 0);
    }

    /** False alarms per minute of evaluated video, or null when nothing was evaluated. */
    public Double falseAlarmsPerMinute() {
        return minutes > 0 ? falseAlarms / minutes : null;
    }
}
