package avmon.local.sfn.api;

import avmon.local.sfn.DefinitionParser;
import avmon.local.sfn.ExecutionContext;
import avmon.local.sfn.ExecutionOutcome;
import avmon.local.sfn.InvalidDefinitionException;
import avmon.local.sfn.StateMachineDefinition;
import avmon.local.sfn.TaskInvoker;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The local Step Functions service, in process: state machines, executions and their histories, with the
 * operations and errors of the Step Functions API. {@link StepFunctionsServer} puts it on an HTTP port.
 *
 * <p>Executions run on a bounded pool of daemon threads ({@link StepFunctionsConfig#executionThreads()}),
 * so no execution can keep the JVM alive; task invocations are cut off at their timeout
 * ({@link TimeLimitedTaskInvoker}); {@link #close()} stops every running execution.
 *
 * <p>Express executions are kept like standard ones, so DescribeExecution and GetExecutionHistory answer
 * for them too (AWS sends their history to CloudWatch Logs instead).
 */
public final class StepFunctionsService implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String CLOSED_CAUSE = "The local Step Functions service was closed.";

    private final DefinitionParser parser;
    private final StepFunctionsConfig config;
    private final ResourceNames names;
    private final ThreadPoolExecutor executionPool;
    private final ExecutorService taskCalls;
    private final TaskInvoker tasks;

    // Guarded by this.
    private final Map<String, Long> machineSequence = new HashMap<>();
    private final TreeMap<Long, StateMachine> machinesBySequence = new TreeMap<>();
    private final Map<String, ExecutionRecord> executions = new HashMap<>();
    private final Map<String, List<ExecutionRecord>> executionsByMachine = new HashMap<>();
    private long sequence;
    private boolean closed;

    public StepFunctionsService(DefinitionParser parser, StepFunctionsConfig config) {
        this.parser = parser;
        this.config = config;
        this.names = new ResourceNames(config.region(), config.accountId());
        this.executionPool = new ThreadPoolExecutor(config.executionThreads(), config.executionThreads(),
                30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new DaemonThreadFactory("sfn-execution"));
        this.executionPool.allowCoreThreadTimeOut(true);
        this.taskCalls = Executors.newCachedThreadPool(new DaemonThreadFactory("sfn-task"));
        this.tasks = new TimeLimitedTaskInvoker(config.tasks(), config.taskTimeLimit(), taskCalls);
    }

    public StepFunctionsConfig config() {
        return config;
    }

    /**
     * CreateStateMachine. Creating the same machine again (same name, definition, role and type) returns the
     * existing one, as AWS does.
     */
    public StateMachine createStateMachine(String name, String definition, String roleArn, StateMachineType type) {
        ResourceNames.requireValidName(name);
        requireRoleArn(roleArn);
        StateMachineType machineType = type == null ? StateMachineType.STANDARD : type;
        StateMachineDefinition runnable = parse(definition);
        synchronized (this) {
            requireOpen();
            String arn = names.stateMachineArn(name);
            StateMachine existing = machine(arn);
            if (existing != null) {
                if (existing.sameAs(definition, roleArn, machineType)) {
                    return existing;
                }
                throw new StepFunctionsException(SfnErrorCode.StateMachineAlreadyExists,
                        "State Machine Already Exists: '" + arn + "'");
            }
            StateMachine created = new StateMachine(arn, name, machineType, definition, roleArn,
                    config.clock().now(), runnable);
            long position = ++sequence;
            machineSequence.put(arn, position);
            machinesBySequence.put(position, created);
            return created;
        }
    }

    /** DescribeStateMachine. */
    public synchronized StateMachine describeStateMachine(String stateMachineArn) {
        return requireMachine(stateMachineArn);
    }

    /** ListStateMachines, in the order they were created. */
    public synchronized Page<StateMachine> listStateMachines(int maxResults, String nextToken) {
        int size = PageTokens.pageSize(maxResults);
        long from = PageTokens.decode("machines", nextToken, 0);
        List<StateMachine> page = new ArrayList<>();
        for (Map.Entry<Long, StateMachine> entry : machinesBySequence.tailMap(from, true).entrySet()) {
            if (page.size() == size) {
                return new Page<>(page, PageTokens.encode("machines", entry.getKey()));
            }
            page.add(entry.getValue());
        }
        return new Page<>(page, null);
    }

    /**
     * DeleteStateMachine. Its running executions go on to their end and stay visible; deleting a machine
     * that does not exist succeeds, as on AWS.
     */
    public synchronized void deleteStateMachine(String stateMachineArn) {
        ResourceNames.requireStateMachineArn(stateMachineArn);
        Long position = machineSequence.remove(stateMachineArn);
        if (position != null) {
            machinesBySequence.remove(position);
        }
    }

    /**
     * StartExecution. Without a name the execution gets a UUID; without input, {@code {}}. Starting a
     * standard execution again with the same name and input while it runs returns the running one.
     */
    public ExecutionDescription startExecution(String stateMachineArn, String name, String input) {
        return start(stateMachineArn, name, input).describe();
    }

    /**
     * StartSyncExecution: starts an execution of an EXPRESS machine and waits for its end.
     *
     * @throws InterruptedException when the calling thread is interrupted; the execution is then stopped
     */
    public ExecutionDescription startSyncExecution(String stateMachineArn, String name, String input)
            throws InterruptedException {
        StateMachine machine = describeStateMachine(stateMachineArn);
        if (machine.type() != StateMachineType.EXPRESS) {
            throw new StepFunctionsException(SfnErrorCode.StateMachineTypeNotSupported,
                    "This operation is not supported by this type of state machine");
        }
        ExecutionRecord execution = start(stateMachineArn, name, input);
        try {
            execution.awaitEnd();
        } catch (InterruptedException e) {
            stop(execution, null, "The caller stopped waiting for the synchronous execution.");
            throw e;
        }
        return execution.describe();
    }

    /** DescribeExecution. */
    public ExecutionDescription describeExecution(String executionArn) {
        return requireExecution(executionArn).describe();
    }

    /** Waits at most {@code timeout} for an execution to end and describes it (still RUNNING if it did not). */
    public ExecutionDescription awaitExecution(String executionArn, Duration timeout) throws InterruptedException {
        ExecutionRecord execution = requireExecution(executionArn);
        execution.awaitEnd(timeout);
        return execution.describe();
    }

    /** The state transitions AWS would bill for an execution; final once it has ended. */
    public long billedTransitions(String executionArn) {
        return describeExecution(executionArn).billedTransitions();
    }

    /**
     * GetExecutionHistory. Events are in AWS's shape; without {@code includeExecutionData} their input and
     * output are left out.
     */
    public Page<ObjectNode> getExecutionHistory(String executionArn, int maxResults, boolean reverseOrder,
                                                String nextToken, boolean includeExecutionData) {
        ExecutionHistory history = requireExecution(executionArn).history();
        int size = PageTokens.pageSize(maxResults);
        int count = history.size();
        List<ObjectNode> page;
        String next;
        if (reverseOrder) {
            int last = (int) Math.min(PageTokens.decode("history-reverse", nextToken, count), count);
            int first = Math.max(0, last - size);
            page = history.copy(first, last);
            Collections.reverse(page);
            next = first > 0 ? PageTokens.encode("history-reverse", first) : null;
        } else {
            int first = (int) Math.min(PageTokens.decode("history", nextToken, 0), count);
            int last = Math.min(count, first + size);
            page = history.copy(first, last);
            next = last < count ? PageTokens.encode("history", last) : null;
        }
        if (!includeExecutionData) {
            page.forEach(StepFunctionsService::removeExecutionData);
        }
        return new Page<>(page, next);
    }

    /** The whole history of an execution, oldest event first. */
    public List<ObjectNode> history(String executionArn) {
        ExecutionHistory history = requireExecution(executionArn).history();
        return history.copy(0, history.size());
    }

    /** ListExecutions: newest first, optionally only those with {@code statusFilter}. */
    public synchronized Page<ExecutionDescription> listExecutions(String stateMachineArn, ExecutionStatus statusFilter,
                                                                  int maxResults, String nextToken) {
        requireMachine(stateMachineArn);
        int size = PageTokens.pageSize(maxResults);
        long from = PageTokens.decode("executions", nextToken, Long.MAX_VALUE);
        List<ExecutionRecord> all = executionsByMachine.getOrDefault(stateMachineArn, List.of());
        List<ExecutionDescription> page = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            ExecutionRecord execution = all.get(i);
            if (execution.sequence() > from || statusFilter != null && execution.status() != statusFilter) {
                continue;
            }
            if (page.size() == size) {
                return new Page<>(page, PageTokens.encode("executions", execution.sequence()));
            }
            page.add(execution.describe());
        }
        return new Page<>(page, null);
    }

    /**
     * StopExecution: interrupts the execution's thread and waits (at most the grace period) for it to end;
     * the history ends with ExecutionAborted carrying {@code error} and {@code cause}. Stopping an execution
     * that has ended changes nothing.
     *
     * @return when the execution stopped (or ended)
     */
    public Instant stopExecution(String executionArn, String error, String cause) {
        ExecutionRecord execution = requireExecution(executionArn);
        stop(execution, error, cause);
        return execution.stopDate();
    }

    /** Stops every running execution and the threads that run them. */
    @Override
    public void close() {
        List<ExecutionRecord> running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = executions.values().stream()
                    .filter(execution -> execution.status() == ExecutionStatus.RUNNING).toList();
        }
        running.forEach(execution -> execution.requestStop(null, CLOSED_CAUSE));
        executionPool.shutdown();
        try {
            if (!executionPool.awaitTermination(config.stopGracePeriod().toMillis(), TimeUnit.MILLISECONDS)) {
                executionPool.shutdownNow();
            }
        } catch (InterruptedException e) {
            executionPool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        running.forEach(ExecutionRecord::forceAbort);
        taskCalls.shutdownNow();
    }

    /** Starts an execution and returns its record (for nested executions, which wait on it). */
    ExecutionRecord start(String stateMachineArn, String name, String input) {
        ResourceNames.requireStateMachineArn(stateMachineArn);
        String executionName = name == null ? UUID.randomUUID().toString() : name;
        ResourceNames.requireValidName(executionName);
        String inputText = input == null ? "{}" : input;
        JsonNode parsedInput = parseInput(inputText);
        synchronized (this) {
            requireOpen();
            StateMachine machine = requireMachine(stateMachineArn);
            String arn = names.executionArn(machine, executionName);
            ExecutionRecord existing = executions.get(arn);
            if (existing != null) {
                if (existing.status() == ExecutionStatus.RUNNING && existing.input().equals(inputText)) {
                    return existing;
                }
                throw new StepFunctionsException(SfnErrorCode.ExecutionAlreadyExists,
                        "Execution Already Exists: '" + arn + "'");
            }
            ExecutionRecord execution = new ExecutionRecord(++sequence, arn, executionName, machine, inputText,
                    config.clock(), config.historyEventLimit());
            executions.put(arn, execution);
            executionsByMachine.computeIfAbsent(machine.arn(), key -> new ArrayList<>()).add(execution);
            execution.setTask(executionPool.submit(() -> run(execution, parsedInput)));
            return execution;
        }
    }

    /** Runs one execution on a pool thread, from its first state to its end. */
    private void run(ExecutionRecord execution, JsonNode input) {
        if (!execution.attach(Thread.currentThread())) {
            return;
        }
        ExecutionOutcome outcome = null;
        Throwable failure = null;
        try {
            outcome = execution.machine().runnable().run(input, context(execution), execution.history());
        } catch (InterruptedException | HistoryLimitExceededException e) {
            // A stop, the history limit or close(): complete() tells which.
        } catch (RuntimeException | Error e) {
            // An engine bug must not leave the execution RUNNING forever: it fails, and says why.
            failure = e;
        } finally {
            execution.detach();
        }
        execution.complete(outcome, failure);
    }

    private ExecutionContext context(ExecutionRecord execution) {
        StateMachine machine = execution.machine();
        return new ExecutionContext(execution.arn(), execution.name(), machine.arn(), machine.name(),
                machine.roleArn(), execution.startDate(), 0, config.clock(), tasks, new NestedExecutions(this));
    }

    /** Stops an execution and waits, at most the grace period, for it to end. */
    void stop(ExecutionRecord execution, String error, String cause) {
        if (!execution.requestStop(error, cause)) {
            return;
        }
        try {
            if (!execution.awaitEnd(config.stopGracePeriod())) {
                execution.forceAbort();
            }
        } catch (InterruptedException e) {
            execution.forceAbort();
            Thread.currentThread().interrupt();
        }
    }

    private StateMachineDefinition parse(String definition) {
        try {
            return parser.parse(definition == null ? "" : definition);
        } catch (InvalidDefinitionException e) {
            throw new StepFunctionsException(SfnErrorCode.InvalidDefinition, e.getMessage());
        }
    }

    private static JsonNode parseInput(String input) {
        try {
            JsonNode parsed = JSON.readTree(input);
            if (parsed == null || parsed.isMissingNode()) {
                throw new StepFunctionsException(SfnErrorCode.InvalidExecutionInput,
                        "Invalid State Machine Execution Input: 'the input is empty; it must be JSON'");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new StepFunctionsException(SfnErrorCode.InvalidExecutionInput,
                    "Invalid State Machine Execution Input: '" + e.getOriginalMessage() + "'");
        }
    }

    private static void requireRoleArn(String roleArn) {
        if (roleArn == null || !roleArn.startsWith("arn:")) {
            throw new StepFunctionsException(SfnErrorCode.InvalidArn, "Invalid Arn: 'Invalid ARN prefix: " + roleArn + "'");
        }
    }

    private static void removeExecutionData(ObjectNode event) {
        event.properties().forEach(member -> {
            if (member.getValue() instanceof ObjectNode details) {
                details.remove(List.of("input", "inputDetails", "output", "outputDetails"));
            }
        });
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the local Step Functions service is closed");
        }
    }

    private StateMachine machine(String arn) {
        Long position = machineSequence.get(arn);
        return position == null ? null : machinesBySequence.get(position);
    }

    private synchronized StateMachine requireMachine(String stateMachineArn) {
        ResourceNames.requireStateMachineArn(stateMachineArn);
        StateMachine machine = machine(stateMachineArn);
        if (machine == null) {
            throw new StepFunctionsException(SfnErrorCode.StateMachineDoesNotExist,
                    "State Machine Does Not Exist: '" + stateMachineArn + "'");
        }
        return machine;
    }

    private synchronized ExecutionRecord requireExecution(String executionArn) {
        ResourceNames.requireExecutionArn(executionArn);
        ExecutionRecord execution = executions.get(executionArn);
        if (execution == null) {
            throw new StepFunctionsException(SfnErrorCode.ExecutionDoesNotExist,
                    "Execution Does Not Exist: '" + executionArn + "'");
        }
        return execution;
    }
}
