package avmon.core.corruption.train;

/** Which part of the data a stream belongs to; a stream is in exactly one. */
public enum Split {
    /** Fits the weights. */
    TRAIN,
    /** Chooses the epoch count and the decision threshold. */
    VALIDATION,
    /** Measured once, at the end, with everything fixed. */
    TEST
}
