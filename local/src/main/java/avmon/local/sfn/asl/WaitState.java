package avmon.local.sfn.asl;

import avmon.local.sfn.asl.jsonata.JsonataExpression;
import avmon.local.sfn.asl.jsonpath.ValuePath;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Wait: pauses for some seconds or until a time, on the execution's clock. */
final class WaitState extends State {

    /** One of the four ways to say how long; exactly one field is set. */
    record Duration(Long seconds, ValuePath secondsPath, Instant timestamp, ValuePath timestampPath,
                    JsonataExpression secondsExpression, JsonataExpression timestampExpression) {
    }

    private final Duration duration;

    WaitState(Common common, Duration duration) {
        super(common);
        this.duration = duration;
    }

    @Override
    StateOutput execute(StateRun run) throws StateError, InterruptedException {
        JsonNode selected = flow().selectInput(run);
        Instant until = deadline(run, selected);
        run.execution().sleepUntil(until);
        return flow().output(run, selected).withNext(next());
    }

    private Instant deadline(StateRun run, JsonNode selected) throws StateError {
        Instant now = run.execution().context().clock().now();
        if (duration.seconds() != null) {
            return now.plusSeconds(duration.seconds());
        }
        if (duration.timestamp() != null) {
            return duration.timestamp();
        }
        if (duration.secondsPath() != null) {
            ValuePath path = duration.secondsPath();
            JsonNode value = path.readOrNull(run.scopeOn(selected));
            if (value == null) {
                throw StateError.runtime("The SecondsPath parameter does not reference an input value: " + path.text());
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw StateError.runtime("The SecondsPath parameter cannot be parsed as a long value: " + path.text()
                        + " == " + display(value));
            }
            if (value.longValue() < 0) {
                throw StateError.runtime("The SecondsPath parameter references a negative value: " + path.text()
                        + " == " + display(value));
            }
            return now.plusSeconds(value.longValue());
        }
        if (duration.timestampPath() != null) {
            ValuePath path = duration.timestampPath();
            JsonNode value = path.readOrNull(run.scopeOn(selected));
            if (value == null) {
                throw StateError.runtime("The TimestampPath parameter does not reference an input value: " + path.text());
            }
            Instant t = value.isTextual() ? parseTimestamp(value.textValue()) : null;
            if (t == null) {
                throw StateError.runtime("The TimestampPath parameter does not reference a valid ISO-8601 extended "
                        + "offset date-time format string: " + path.text() + " == " + display(value));
            }
            return t;
        }
        if (duration.secondsExpression() != null) {
            JsonataExpression e = duration.secondsExpression();
            JsonNode value = e.evaluate(run.states(null, null), run.variables().visible());
            if (!value.isIntegralNumber() && !(value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue()))) {
                throw e.unexpectedType("integer", value);
            }
            if (value.longValue() < 0) {
                throw StateError.queryEvaluation("The Seconds field must not be negative, but was " + value);
            }
            return now.plusSeconds(value.longValue());
        }
        JsonataExpression e = duration.timestampExpression();
        JsonNode value = e.evaluate(run.states(null, null), run.variables().visible());
        Instant t = value.isTextual() ? parseTimestamp(value.textValue()) : null;
        if (t == null) {
            throw StateError.queryEvaluation("The Timestamp field cannot be parsed as an ISO-8601 extended offset "
                    + "date-time format string: " + (value.isTextual() ? value.textValue() : value.toString()));
        }
        return t;
    }

    private static String display(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }

    /** An ISO-8601 extended offset date-time ({@code 2016-03-14T01:59:00Z}), or {@code null}. */
    static Instant parseTimestamp(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
