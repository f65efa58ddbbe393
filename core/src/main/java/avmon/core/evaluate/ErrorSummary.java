package avmon.core.evaluate;

import java.util.List;

/**
 * Errors of matched pairs, in seconds.
 *
 * @param count   number of pairs measured
 * @param meanAbs mean of the absolute errors
 * @param maxAbs  largest absolute error
 * @param bias    mean of the signed errors (detected minus true): a detector that is always late is positive
 */
public record ErrorSummary(int count, double meanAbs, double maxAbs, double bias) {

    /** Summary of signed errors; all zero for none. */
    public static ErrorSummary of(List<Double> errors) {
        if (errors.isEmpty()) {
            return new ErrorSummary(0, 0, 0, 0);
        }
        double sumAbs = 0;
        double sum = 0;
        double max = 0;
        for (double error : errors) {
            sumAbs += Math.abs(error);
            sum += error;
            max = Math.max(max, Math.abs(error));
        }
        return new ErrorSummary(errors.size(), sumAbs / errors.size(), max, sum / errors.size());
    }
}
