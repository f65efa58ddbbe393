package avmon.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.local.sfn.TaskFailure;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LambdaHostTest {

    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaHost host;

    @BeforeEach
    void startHost() {
        host = new LambdaHost(REGION, ACCOUNT, 10);
    }

    @AfterEach
    void closeHost() {
        host.close();
    }

    private static FunctionConfiguration.Builder function(String name, HandlerFactory factory) {
        return FunctionConfiguration.builder(name, factory);
    }

    private JsonNode payload(InvocationResult result) throws Exception {
        return JSON.readTree(result.payload());
    }

    @Test
    void invoke_firstThenSecond_coldThenWarmOnSameInstance() throws Exception {
        host.register(function("echo", HandlerFactory.of(TestHandlers.ContextEcho.class)).build());

        InvocationResult first = host.invoke("echo", "{\"value\":1}");
        InvocationResult second = host.invoke("echo", "{\"value\":2}");

        assertTrue(first.coldStart(), "the first invocation starts an environment");
        assertFalse(second.coldStart(), "the second reuses the idle environment");
        assertEquals(payload(first).get("instance"), payload(second).get("instance"),
                "a warm start runs on the same handler instance");
        assertEquals(Duration.ZERO, second.initDuration(), "a warm start has no init");
        LambdaMetrics metrics = host.metrics("echo");
        assertEquals(2, metrics.invocations(), "invocations");
        assertEquals(1, metrics.coldStarts(), "cold starts");
    }

    @Test
    void invoke_concurrentCalls_eachGetsItsOwnEnvironment() throws Exception {
        TestHandlers.Gate gate = new TestHandlers.Gate();
        List<Object> handlers = new CopyOnWriteArrayList<>();
        host.register(function("gate", environment -> {
            Object handler = handlers.isEmpty() ? gate : new TestHandlers.Shouter();
            handlers.add(handler);
            return handler;
        }).build());
        CompletableFuture<InvocationResult> blocked = CompletableFuture.supplyAsync(() -> host.invoke("gate", "{}"));
        assertTrue(gate.entered.await(10, TimeUnit.SECONDS), "the first invocation is running");

        InvocationResult second = host.invoke("gate", "\"meanwhile\"");
        gate.release.countDown();

        assertTrue(second.coldStart(), "a busy environment is not shared: a second one starts");
        assertEquals("\"MEANWHILE\"", second.payload(), "the second environment's handler answered");
        assertEquals("\"released\"", blocked.get(10, TimeUnit.SECONDS).payload(), "the first one finished too");
        assertEquals(2, host.metrics("gate").coldStarts(), "two environments, two cold starts");
    }

    @Test
    void invoke_coldStart_recordsHandlerConstructionAsInitDuration() {
        host.register(function("slow", HandlerFactory.of(TestHandlers.SlowInit.class)).build());

        InvocationResult cold = host.invoke("slow", "{}");

        assertTrue(cold.initDuration().toMillis() >= TestHandlers.SlowInit.MILLIS,
                "init covers the constructor's sleep: " + cold.initDuration());
        assertEquals(cold.initDuration(), host.metrics("slow").initDuration(), "init duration in the metrics");
        assertTrue(cold.billedDurationMs() >= TestHandlers.SlowInit.MILLIS,
                "a cold start's billed duration includes init: " + cold.billedDurationMs());
    }

    @Test
    void invoke_context_carriesRequestIdNameMemoryAndRemainingTime() throws Exception {
        String arn = host.register(function("echo", HandlerFactory.of(TestHandlers.ContextEcho.class))
                .memoryMb(2048).timeout(Duration.ofSeconds(30)).environment(Map.of("STAGE", "test")).build());

        InvocationResult result = host.invoke("echo", "{\"value\":\"x\"}");
        JsonNode out = payload(result);

        assertEquals(result.requestId(), out.get("requestId").asText(), "the Context's request id is the result's");
        assertEquals("echo", out.get("functionName").asText(), "function name");
        assertEquals(2048, out.get("memory").asInt(), "memory limit");
        assertEquals(arn, out.get("arn").asText(), "invoked ARN");
        int remaining = out.get("remaining").asInt();
        assertTrue(remaining > 0 && remaining <= 30_000, "remaining time counts down from the timeout: " + remaining);
        assertEquals("test", out.get("stage").asText(), "configured environment variable");
        assertEquals("echo", out.get("envName").asText(), "Lambda's reserved variable");
        assertEquals(List.of("echo x"), result.log(), "what the handler logged");
    }

    @Test
    void invoke_pojoAndStringInputTypes_areDeserializedAsDeclared() {
        host.register(function("greeter", HandlerFactory.of(TestHandlers.Greeter.class)).build());
        host.register(function("shouter", HandlerFactory.of(TestHandlers.Shouter.class)).build());

        InvocationResult greeting = host.invoke("greeter", "{\"name\":\"ann\",\"times\":2,\"unknown\":true}");
        InvocationResult shout = host.invoke("shouter", "\"quiet\"");

        assertEquals("\"hello ann hello ann\"", greeting.payload(), "POJO in, JSON string out");
        assertEquals("\"QUIET\"", shout.payload(), "JSON string in");
    }

    @Test
    void invoke_lambdaExpressionHandler_getsPlainJsonValues() {
        host.register(function("sum", environment -> (RequestHandler<
                Map<String, Integer>, Integer>) (event, context) -> event.get("a") + event.get("b")).build());

        assertEquals("5", host.invoke("sum", "{\"a\":2,\"b\":3}").payload(), "a Map event from an untyped handler");
    }

    @Test
    void invoke_handlerThrows_returnsLambdaErrorDocument() throws Exception {
        host.register(function("failing", HandlerFactory.of(TestHandlers.Failing.class)).build());

        InvocationResult result = host.invoke("failing", "{\"segment\":7}");
        JsonNode error = payload(result);

        assertTrue(result.failed(), "the invocation failed");
        assertEquals("java.lang.IllegalStateException", result.errorType().orElseThrow(),
                "error type is the Java runtime's: the exception's class name");
        assertEquals("segment 7 is corrupt", error.get("errorMessage").asText(), "errorMessage");
        assertEquals("java.lang.IllegalStateException", error.get("errorType").asText(), "errorType");
        assertTrue(error.get("stackTrace").size() > 0, "stackTrace lists frames");
        assertEquals("java.io.IOException", error.at("/cause/errorType").asText(), "the cause is nested");
        assertEquals(1, host.metrics("failing").errors(), "errors in the metrics");
        assertFalse(host.invoke("failing", "{}").coldStart(), "a handler error keeps the environment warm");
    }

    @Test
    void invoke_constructorThrows_failsAndRetriesInitNextTime() {
        host.register(function("broken", HandlerFactory.of(TestHandlers.BrokenInit.class)).build());

        InvocationResult first = host.invoke("broken", "{}");
        InvocationResult second = host.invoke("broken", "{}");

        assertEquals("java.lang.IllegalArgumentException", first.errorType().orElseThrow(), "init error type");
        assertTrue(first.payload().contains("model file missing"), "init error message: " + first.payload());
        assertTrue(second.coldStart(), "a failed environment is discarded: the next invocation starts again");
        assertEquals(2, host.metrics("broken").errors(), "both count as errors");
    }

    @Test
    void invoke_constructorHangs_failsAfterInitLimitAndStartsAgainNextTime() throws Exception {
        host.close();
        host = new LambdaHost(REGION, ACCOUNT, 10, null, Duration.ofMillis(200));
        CountDownLatch never = new CountDownLatch(1);
        host.register(function("hanging", environment -> {
            never.await();
            return new TestHandlers.Shouter();
        }).build());

        InvocationResult first = host.invoke("hanging", "\"a\"");
        InvocationResult second = host.invoke("hanging", "\"b\"");

        assertEquals("Sandbox.Timedout", first.errorType().orElseThrow(), "a hanging INIT times out");
        assertTrue(payload(first).get("errorMessage").asText().contains("INIT phase timed out"),
                "message: " + first.payload());
        assertTrue(second.coldStart(), "the hung environment was abandoned: the next call starts another");
        assertEquals(2, host.metrics("hanging").timeouts(), "both count as timeouts");
    }

    @Test
    void invoke_handlerOutlastsTimeout_failsWithTaskTimedOutAndDiscardsEnvironment() throws Exception {
        TestHandlers.Gate stuck = new TestHandlers.Gate();
        host.register(function("stuck", environment -> stuck).timeout(Duration.ofSeconds(1)).build());

        InvocationResult result = host.invoke("stuck", "{}");

        assertEquals("Sandbox.Timedout", result.errorType().orElseThrow(), "Lambda's timeout error type");
        String message = payload(result).get("errorMessage").asText();
        assertTrue(message.endsWith("Task timed out after 1.00 seconds"), "Lambda's wording: " + message);
        assertTrue(message.contains(result.requestId()), "the message names the request: " + message);
        assertEquals(Duration.ofSeconds(1), result.duration(), "a timed-out invocation lasted its timeout");
        assertTrue(result.billedDurationMs() >= 1000, "billed at least the timeout: " + result.billedDurationMs());
        LambdaMetrics metrics = host.metrics("stuck");
        assertEquals(1, metrics.timeouts(), "timeouts");
        assertEquals(1, metrics.errors(), "a timeout is an error");
        host.invoke("stuck", "{}");
        assertEquals(2, host.metrics("stuck").coldStarts(), "the timed-out environment was not reused");
    }

    @Test
    void invoke_atReservedConcurrency_throttles() throws Exception {
        TestHandlers.Gate gate = new TestHandlers.Gate();
        host.register(function("gate", environment -> gate).reservedConcurrency(1).build());
        CompletableFuture<InvocationResult> running = CompletableFuture.supplyAsync(() -> host.invoke("gate", "{}"));
        assertTrue(gate.entered.await(10, TimeUnit.SECONDS), "the first invocation holds the only slot");

        ThrottledException error = assertThrows(ThrottledException.class, () -> host.invoke("gate", "{}"),
                "a second concurrent invocation is refused");
        gate.release.countDown();
        running.get(10, TimeUnit.SECONDS);

        assertEquals("TooManyRequestsException", error.errorType(), "error type");
        assertEquals(429, error.statusCode(), "status");
        assertEquals(ThrottledException.RESERVED_LIMIT, error.reason(), "reason");
        assertEquals(1, host.metrics("gate").throttles(), "throttles");
        assertEquals(1, host.metrics("gate").invocations(), "a throttled call is not an invocation");
        assertEquals("\"released\"", host.invoke("gate", "{}").payload(), "the slot is free again afterwards");
    }

    @Test
    void invoke_atAccountConcurrency_throttlesOtherFunctions() throws Exception {
        host.close();
        host = new LambdaHost(REGION, ACCOUNT, 1);
        TestHandlers.Gate gate = new TestHandlers.Gate();
        host.register(function("gate", environment -> gate).build());
        host.register(function("shouter", HandlerFactory.of(TestHandlers.Shouter.class)).build());
        CompletableFuture<InvocationResult> running = CompletableFuture.supplyAsync(() -> host.invoke("gate", "{}"));
        assertTrue(gate.entered.await(10, TimeUnit.SECONDS), "the only account slot is taken");

        ThrottledException error = assertThrows(ThrottledException.class, () -> host.invoke("shouter", "\"a\""),
                "another function finds no concurrency left");
        gate.release.countDown();
        running.get(10, TimeUnit.SECONDS);

        assertEquals(ThrottledException.ACCOUNT_LIMIT, error.reason(), "reason");
        assertEquals(1, host.metrics().throttles(), "total throttles");
    }

    @Test
    void invoke_reservedConcurrencyZero_throttlesEveryCall() {
        host.register(function("off", HandlerFactory.of(TestHandlers.Shouter.class)).reservedConcurrency(0).build());

        assertThrows(ThrottledException.class, () -> host.invoke("off", "\"a\""), "0 reserved disables the function");
    }

    @Test
    void metrics_afterInvocations_sumBilledDurationAndGbSeconds() {
        host.register(function("shouter", HandlerFactory.of(TestHandlers.Shouter.class)).memoryMb(1536).build());
        host.register(function("echo", HandlerFactory.of(TestHandlers.ContextEcho.class)).memoryMb(256).build());

        InvocationResult a = host.invoke("shouter", "\"a\"");
        InvocationResult b = host.invoke("shouter", "\"b\"");
        InvocationResult c = host.invoke("echo", "{}");

        LambdaMetrics shouter = host.metrics("shouter");
        assertEquals(a.billedDurationMs() + b.billedDurationMs(), shouter.billedMs(), "billed ms add up");
        assertEquals(1.5 * (a.billedDurationMs() + b.billedDurationMs()) / 1000.0, shouter.gbSeconds(), 1e-9,
                "1.5 GB times billed seconds");
        assertEquals(0.25 * c.billedDurationMs() / 1000.0, c.gbSeconds(), 1e-9, "256 MB is 0.25 GB");
        LambdaMetrics total = host.metrics();
        assertEquals(3, total.invocations(), "total invocations");
        assertEquals(shouter.gbSeconds() + c.gbSeconds(), total.gbSeconds(), 1e-9, "total GB-seconds");
    }

    @Test
    void invoke_unknownFunctionOrQualifierOrAccount_throwsResourceNotFound() {
        host.register(function("shouter", HandlerFactory.of(TestHandlers.Shouter.class)).build());

        for (String reference : List.of("nobody", "shouter:prod",
                "arn:aws:lambda:us-east-1:111111111111:function:shouter",
                "arn:aws:lambda:eu-west-1:000000000000:function:shouter")) {
            LambdaServiceException error = assertThrows(LambdaServiceException.class,
                    () -> host.invoke(reference, "\"x\""), reference + " is not a function here");
            assertEquals("ResourceNotFoundException", error.errorType(), "error type for " + reference);
        }
    }

    @Test
    void invoke_eventIsNotJson_throwsInvalidRequestContent() {
        host.register(function("shouter", HandlerFactory.of(TestHandlers.Shouter.class)).build());

        LambdaServiceException error = assertThrows(LambdaServiceException.class,
                () -> host.invoke("shouter", "{not json"), "malformed JSON is refused before any handler runs");
        assertEquals("InvalidRequestContentException", error.errorType(), "error type");
        assertEquals(0, host.metrics("shouter").invocations(), "nothing ran");
    }

    @Test
    void invoke_eventDoesNotFitInputType_failsWithJsonParsingError() throws Exception {
        host.register(function("greeter", HandlerFactory.of(TestHandlers.Greeter.class)).build());

        InvocationResult result = host.invoke("greeter", "[1,2]");

        assertEquals("java.lang.RuntimeException", result.errorType().orElseThrow(), "the runtime's error type");
        assertEquals("An error occurred during JSON parsing", payload(result).get("errorMessage").asText(),
                "the runtime's message");
    }

    @Test
    void register_badConfigurations_areRefused() {
        HandlerFactory factory = HandlerFactory.of(TestHandlers.Shouter.class);
        host.register(function("taken", factory).build());

        assertEquals("ResourceConflictException", assertThrows(LambdaServiceException.class,
                () -> host.register(function("taken", factory).build())).errorType(), "a name is used once");
        assertEquals("InvalidParameterValueException", assertThrows(LambdaServiceException.class,
                () -> host.register(function("env", factory).environment(Map.of("AWS_REGION", "x")).build()))
                .errorType(), "reserved variables cannot be set");
        assertEquals("InvalidParameterValueException", assertThrows(LambdaServiceException.class,
                () -> host.register(function("greedy", factory).reservedConcurrency(11).build())).errorType(),
                "a reservation cannot exceed the account limit");
        assertThrows(IllegalArgumentException.class, () -> function("bad name", factory), "name with a space");
        assertThrows(IllegalArgumentException.class, () -> function("m", factory).memoryMb(64), "memory below 128");
        assertThrows(IllegalArgumentException.class, () -> function("t", factory).timeout(Duration.ofSeconds(901)),
                "timeout above 900 s");
        assertThrows(IllegalArgumentException.class, () -> HandlerFactory.of(String.class), "not a handler class");
        assertThrows(IllegalArgumentException.class, () -> HandlerFactory.of("no.such.Handler"), "no such class");
    }

    @Test
    void taskInvoker_byArn_returnsTheHandlersResultAsJson() throws Exception {
        String arn = host.register(function("greeter", HandlerFactory.of(TestHandlers.Greeter.class)).build());

        JsonNode result = host.invoke(arn, JSON.readTree("{\"name\":\"bo\",\"times\":1}"), Duration.ofSeconds(5));
        JsonNode byQualifiedName = host.invoke("greeter:$LATEST", JSON.readTree("{\"name\":\"al\",\"times\":1}"),
                null);

        assertEquals("hello bo", result.asText(), "invoked by ARN");
        assertEquals("hello al", byQualifiedName.asText(), "invoked by name and $LATEST");
    }

    @Test
    void taskInvoker_handlerThrows_failsWithErrorTypeAndErrorDocumentAsCause() throws Exception {
        host.register(function("failing", HandlerFactory.of(TestHandlers.Failing.class)).build());

        TaskFailure failure = assertThrows(TaskFailure.class,
                () -> host.invoke("failing", JSON.readTree("{\"segment\":3}"), Duration.ofSeconds(5)));

        assertEquals("java.lang.IllegalStateException", failure.error(), "error name");
        assertEquals("segment 3 is corrupt", JSON.readTree(failure.cause()).get("errorMessage").asText(),
                "the cause is Lambda's error document");
    }

    @Test
    void taskInvoker_serviceErrors_arePrefixedWithLambda() throws Exception {
        host.register(function("off", HandlerFactory.of(TestHandlers.Shouter.class)).reservedConcurrency(0).build());

        TaskFailure missing = assertThrows(TaskFailure.class,
                () -> host.invoke("arn:aws:lambda:us-east-1:000000000000:function:nobody", JSON.readTree("{}"), null));
        TaskFailure throttled = assertThrows(TaskFailure.class, () -> host.invoke("off", JSON.readTree("\"a\""), null));

        assertEquals("Lambda.ResourceNotFoundException", missing.error(), "missing function");
        assertEquals("Lambda.TooManyRequestsException", throttled.error(), "throttled function");
    }

    @Test
    void taskInvoker_callerStopsWaiting_failsWithStatesTimeoutWhileFunctionRunsOn() throws Exception {
        TestHandlers.Gate gate = new TestHandlers.Gate();
        host.register(function("gate", environment -> gate).timeout(Duration.ofSeconds(30)).build());

        TaskFailure failure = assertThrows(TaskFailure.class,
                () -> host.invoke("gate", JSON.readTree("{}"), Duration.ofMillis(200)));
        gate.release.countDown();

        assertEquals("States.Timeout", failure.error(), "the caller's timeout");
        assertTrue(gate.entered.await(10, TimeUnit.SECONDS), "the function did start");
        assertEquals(1, waitForInvocations("gate", 1), "the invocation still completes and is metered");
    }

    private long waitForInvocations(String function, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (host.metrics(function).invocations() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return host.metrics(function).invocations();
    }

    @Test
    void invoke_manyAtOnce_neverRunsMoreThanTheReservation() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        host.register(function("busy", environment -> (RequestHandler<
                Object, String>) (event, context) -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return "done";
        }).reservedConcurrency(3).build());
        ExecutorService callers = Executors.newFixedThreadPool(8);
        AtomicInteger throttled = new AtomicInteger();
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(callers.submit(() -> {
                try {
                    host.invoke("busy", "{}");
                } catch (ThrottledException e) {
                    throttled.incrementAndGet();
                }
            }));
        }
        for (Future<?> call : calls) {
            call.get(30, TimeUnit.SECONDS);
        }
        callers.shutdown();

        LambdaMetrics metrics = host.metrics("busy");
        assertTrue(peak.get() <= 3, "at most 3 handlers ran at once: " + peak.get());
        assertEquals(40, metrics.invocations() + metrics.throttles(), "every call either ran or was throttled");
        assertEquals(throttled.get(), metrics.throttles(), "throttles seen by callers are the ones counted");
        assertTrue(metrics.coldStarts() <= 3, "no more environments than the reservation: " + metrics.coldStarts());
    }

    @Test
    void invoke_streamHandler_getsAndReturnsRawBytes() {
        host.register(function("stream", environment -> (RequestStreamHandler) (in, out, context) ->
                out.write(("{\"got\":" + new String(in.readAllBytes(), StandardCharsets.UTF_8) + "}")
                        .getBytes(StandardCharsets.UTF_8))).build());

        assertEquals("{\"got\":[1, 2]}", host.invoke("stream", "[1, 2]").payload(), "bytes in and out unchanged");
    }

    @Test
    void taskInvoker_resultIsNotJson_failsWithStatesRuntime() {
        host.register(function("text", environment -> (RequestStreamHandler) (in, out, context) ->
                out.write("plain text".getBytes(StandardCharsets.UTF_8))).build());

        TaskFailure failure = assertThrows(TaskFailure.class, () -> host.invoke("text", JSON.createObjectNode(), null));

        assertEquals("States.Runtime", failure.error(), "a result Step Functions cannot read");
    }

    @Test
    void invoke_responseOverSixMegabytes_failsWithResponseSizeTooLarge() {
        host.register(function("huge", environment -> (RequestHandler<Object, String>) (event, context) ->
                "x".repeat(LambdaHost.MAX_PAYLOAD_BYTES)).build());

        InvocationResult result = host.invoke("huge", "{}");

        assertEquals("Function.ResponseSizeTooLarge", result.errorType().orElseThrow(), "Lambda's error type");
        assertTrue(result.payload().length() < 1000, "the oversized payload is not passed on");
    }

    @Test
    void invoke_eventOverSixMegabytes_throwsRequestTooLarge() {
        host.register(function("shouter", HandlerFactory.of(TestHandlers.Shouter.class)).build());
        String huge = "\"" + "x".repeat(LambdaHost.MAX_PAYLOAD_BYTES) + "\"";

        LambdaServiceException error = assertThrows(LambdaServiceException.class, () -> host.invoke("shouter", huge));

        assertEquals("RequestTooLargeException", error.errorType(), "error type");
        assertEquals(413, error.statusCode(), "status");
    }

    @Test
    void invoke_afterClose_isRefused() {
        host.register(function("shouter", HandlerFactory.of(TestHandlers.Shouter.class)).build());
        host.close();

        assertEquals("ServiceException", assertThrows(LambdaServiceException.class,
                () -> host.invoke("shouter", "\"a\"")).errorType(), "a closed host runs nothing");
    }
}
