package avmon.local.sfn.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.local.sfn.ExecutionOutcome;
import avmon.local.sfn.StateMachineDefinition;
import avmon.local.sfn.TaskInvoker;
import avmon.local.sfn.conformance.RecordedHistory;
import avmon.local.sfn.conformance.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One parsed definition is shared by all executions of a state machine, on the service's threads. */
class SharedDefinitionTest {

    @Test
    void run_manyThreadsOneDefinition_eachGetsItsOwnResult() throws Exception {
        StateMachineDefinition definition = AslTesting.parse("{'StartAt': 'A', 'States': {"
                + "'A': {'Type': 'Pass', 'Parameters': {'n.$': 'States.MathAdd($.n, 1)'}, 'Assign': {'seen.$': '$.n'}, 'Next': 'B'},"
                + "'B': {'Type': 'Pass', 'QueryLanguage': 'JSONata', 'Output': {'n': '{% $states.input.n * 2 %}', 'seen': '{% $seen %}'},"
                + " 'End': true}}}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ExecutionOutcome>> runs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                runs.add(pool.submit(() -> {
                    VirtualClock clock = new VirtualClock(AslTesting.START);
                    return definition.run(AslTesting.JSON.readTree("{\"n\":" + n + "}"),
                            AslTesting.context(clock, TaskInvoker.NONE), new RecordedHistory(clock));
                }));
            }
            for (int i = 0; i < runs.size(); i++) {
                assertEquals("{\"n\":" + (2 * (i + 1)) + ",\"seen\":" + (i + 1) + "}", runs.get(i).get().output(),
                        "execution " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
