package avmon.local.sfn.conformance;

import java.util.List;

/**
 * How one case went.
 *
 * @param name          the case
 * @param primary       its category
 * @param queryLanguage JSONPath or JSONata
 * @param reasons       why it failed; empty when it passed
 */
public record CaseResult(String name, String primary, String queryLanguage, List<String> reasons) {

    public boolean passed() {
        return reasons.isEmpty();
    }
}
