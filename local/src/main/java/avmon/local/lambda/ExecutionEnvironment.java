package avmon.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One execution environment: a single thread that owns one handler instance, created on first use
 * (the INIT phase of a cold start) and reused by later invocations while the environment is idle.
 * An environment whose invocation timed out is abandoned: its daemon thread is interrupted and left
 * to die, and the environment is never used again.
 */
final class ExecutionEnvironment {

    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final ExecutorService thread;
    private final String logStreamName;
    private HandlerAdapter adapter;

    ExecutionEnvironment(String functionName, int number) {
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "lambda-" + functionName + "-" + number);
            t.setDaemon(true);
            return t;
        });
        this.logStreamName = LocalDate.now(ZoneOffset.UTC).format(STREAM_DATE) + "/[" + InvocationContext.VERSION
                + "]" + UUID.randomUUID().toString().replace("-", "");
    }

    String logStreamName() {
        return logStreamName;
    }

    /** Whether the handler has been constructed (a warm environment). */
    boolean initialized() {
        return adapter != null;
    }

    /** Runs the INIT phase on the environment's thread: constructs the handler. */
    Future<?> initialize(HandlerFactory factory, Map<String, String> environment, ObjectMapper mapper) {
        return thread.submit(() -> {
            adapter = new HandlerAdapter(factory.create(environment), mapper);
            return null;
        });
    }

    /** Runs one event through the handler on the environment's thread. */
    Future<byte[]> invoke(byte[] event, InvocationContext context) {
        Callable<byte[]> call = () -> adapter.handle(event, context);
        return thread.submit(call);
    }

    /** Gives the environment up: interrupts whatever its thread is doing and accepts no more work. */
    void abandon() {
        thread.shutdownNow();
    }
}
