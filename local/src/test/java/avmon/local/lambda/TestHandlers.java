package avmon.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Small handlers whose behaviour the host tests observe. */
final class TestHandlers {

    private TestHandlers() {
    }

    /** Echoes the event with what the Context said, and which handler instance answered. */
    public static final class ContextEcho implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        private static final AtomicInteger INSTANCES = new AtomicInteger();
        private final int instance = INSTANCES.incrementAndGet();
        private final Map<String, String> environment;

        public ContextEcho(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            context.getLogger().log("echo " + event.get("value"));
            Map<String, Object> out = new LinkedHashMap<>(event);
            out.put("instance", instance);
            out.put("requestId", context.getAwsRequestId());
            out.put("functionName", context.getFunctionName());
            out.put("memory", context.getMemoryLimitInMB());
            out.put("remaining", context.getRemainingTimeInMillis());
            out.put("arn", context.getInvokedFunctionArn());
            out.put("stage", environment.get("STAGE"));
            out.put("envName", environment.get("AWS_LAMBDA_FUNCTION_NAME"));
            return out;
        }
    }

    /** A POJO event. */
    public static final class Greeting {
        public String name;
        public int times;
    }

    /** Takes a POJO, returns a String. */
    public static final class Greeter implements RequestHandler<Greeting, String> {
        @Override
        public String handleRequest(Greeting greeting, Context context) {
            return ("hello " + greeting.name + " ").repeat(greeting.times).trim();
        }
    }

    /** Takes a JSON string. */
    public static final class Shouter implements RequestHandler<String, String> {
        @Override
        public String handleRequest(String text, Context context) {
            return text.toUpperCase();
        }
    }

    /** Fails every time. */
    public static final class Failing implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            throw new IllegalStateException("segment " + event.get("segment") + " is corrupt",
                    new java.io.IOException("truncated"));
        }
    }

    /** Fails while being constructed. */
    public static final class BrokenInit implements RequestHandler<Object, Object> {
        public BrokenInit() {
            throw new IllegalArgumentException("model file missing");
        }

        @Override
        public Object handleRequest(Object event, Context context) {
            return event;
        }
    }

    /** Takes at least {@code millis} to construct. */
    public static final class SlowInit implements RequestHandler<Object, String> {
        static final long MILLIS = 60;

        public SlowInit() throws InterruptedException {
            Thread.sleep(MILLIS);
        }

        @Override
        public String handleRequest(Object event, Context context) {
            return "ready";
        }
    }

    /** Blocks until released, telling the test when it has started. */
    public static final class Gate implements RequestHandler<Object, String> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String handleRequest(Object event, Context context) {
            entered.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    return "never released";
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            return "released";
        }
    }
}
