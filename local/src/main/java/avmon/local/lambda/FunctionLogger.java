package avmon.local.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LambdaLogger} of one invocation: lines go to SLF4J (logger {@code lambda.FUNCTION}, as
 * CloudWatch would receive them) and are kept for the invocation's result, like Invoke's log tail.
 */
final class FunctionLogger implements LambdaLogger {

    private final Logger logger;
    private final String requestId;
    private final List<String> lines = new ArrayList<>();

    FunctionLogger(String functionName, String requestId) {
        this.logger = LoggerFactory.getLogger("lambda." + functionName);
        this.requestId = requestId;
    }

    @Override
    public void log(String message) {
        log(message, LogLevel.UNDEFINED);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8), LogLevel.UNDEFINED);
    }

    @Override
    public void log(String message, LogLevel level) {
        String line = message == null ? "null" : message;
        synchronized (lines) {
            lines.add(line);
        }
        switch (level) {
            case TRACE -> logger.trace("{} {}", requestId, line);
            case DEBUG -> logger.debug("{} {}", requestId, line);
            case WARN -> logger.warn("{} {}", requestId, line);
            case ERROR, FATAL -> logger.error("{} {}", requestId, line);
            default -> logger.info("{} {}", requestId, line);
        }
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        log(new String(message, StandardCharsets.UTF_8), level);
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
