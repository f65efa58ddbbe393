package avmon.local.sfn.asl.intrinsic;

import avmon.local.sfn.asl.StateError;
import avmon.local.sfn.asl.jsonpath.PathScope;
import avmon.local.sfn.asl.jsonpath.ValuePath;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A parsed intrinsic function call such as {@code States.Format('{}', $.a)}, evaluated per state run. */
public final class IntrinsicCall {

    /** One argument: a literal, a path, or a nested call. */
    sealed interface Argument permits Literal, PathArgument, CallArgument {
        JsonNode evaluate(PathScope scope) throws StateError;
    }

    record Literal(JsonNode value) implements Argument {
        @Override
        public JsonNode evaluate(PathScope scope) {
            return value;
        }
    }

    record PathArgument(ValuePath path) implements Argument {
        @Override
        public JsonNode evaluate(PathScope scope) throws StateError {
            return path.read(scope);
        }
    }

    record CallArgument(IntrinsicCall call) implements Argument {
        @Override
        public JsonNode evaluate(PathScope scope) throws StateError {
            return call.evaluate(scope);
        }
    }

    private final String text;
    private final IntrinsicFunction function;
    private final List<Argument> arguments;

    IntrinsicCall(String text, IntrinsicFunction function, List<Argument> arguments) {
        this.text = text;
        this.function = function;
        this.arguments = List.copyOf(arguments);
    }

    /**
     * Parses a call.
     *
     * @throws IllegalArgumentException when the text is not a valid call of a known function
     */
    public static IntrinsicCall parse(String text) {
        return new IntrinsicParser(text).parseWhole();
    }

    /** True when the text looks like an intrinsic function call rather than a path. */
    public static boolean looksLikeCall(String text) {
        return text.startsWith("States.");
    }

    public String text() {
        return text;
    }

    /** Evaluates the arguments, then the function. */
    public JsonNode evaluate(PathScope scope) throws StateError {
        List<JsonNode> values = new ArrayList<>(arguments.size());
        for (Argument a : arguments) {
            values.add(a.evaluate(scope));
        }
        return function.apply(values);
    }

    @Override
    public String toString() {
        return text;
    }
}
