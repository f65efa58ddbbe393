package avmon.local.sfn.asl;

/** The two query languages of ASL; a state uses its own or the state machine's. */
enum QueryLanguage {
    JSONPATH, JSONATA;

    static QueryLanguage parse(String text) {
        return switch (text) {
            case "JSONPath" -> JSONPATH;
            case "JSONata" -> JSONATA;
            default -> throw new IllegalArgumentException("QueryLanguage must be JSONPath or JSONata, but was " + text);
        };
    }
}
