package avmon.core.evaluate;

import avmon.core.detect.DefectType;

/**
 * The score of one defect type over all evaluated streams.
 *
 * @param type       the defect type
 * @param truths     true defects of this type
 * @param detections detections of this type
 * @param matched    matched pairs
 * @param precision  matched / detections, or null without detections
 * @param recall     matched / truths, or null without true defects
 * @param startError start errors of the matched pairs
 * @param endError   end errors of the matched pairs
 * @param valueError value errors of the matched pairs that carry a value (A/V offset)
 */
public record TypeScore(DefectType type, int truths, int detections, int matched, Double precision, Double recall,
                        ErrorSummary startError, ErrorSummary endError, ErrorSummary valueError) {
}
