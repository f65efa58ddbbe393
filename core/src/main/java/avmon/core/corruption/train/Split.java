package avmon.core.corruption.train;

/** Which part of the data a stream belongs to; a stream is in exactly one. */
public enum Split {
    /** Fits the weights. */
    TRAIN,
    /** Chooses the epoch count and the decision threshold. */
    VALIDATION,
    /** Measured once, at the end, with everything fixed. */
    TEST,
    /**
     * Clean streams, their seeds apart from the others, on which the threshold may start no run. A model's false
     * alarms come from a few content instances (a pattern's size, speed and phase) that sit near its threshold
     * throughout: the validation split holds too few clean instances to meet them.
     */
    CLEAN_VALIDATION
}
