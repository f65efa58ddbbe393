package avmon.cli.compare;

import avmon.cli.model.MeasuredRun;
import java.util.List;

/**
 * A comparison's outcome: the measured run the report is made of, and the two designs' runs behind it.
 *
 * @param measured         every count, the workload and the checks against the ground truth
 * @param serverless       the serverless run
 * @param monolith         the monolith's run
 * @param designsDisagree  streams on which the two designs reported different defects
 */
public record ComparisonResult(MeasuredRun measured, ServerlessResult serverless, MonolithResult monolith,
                               List<String> designsDisagree) {

    public ComparisonResult {
        designsDisagree = List.copyOf(designsDisagree);
    }

    /** Whether a design could not run some stream to its end. */
    public boolean anyStreamFailed() {
        return measured.detection().stream().anyMatch(c -> c.failure() != null);
    }
}
