package avmon.local.sfn.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StateTypesTest {

    @Test
    void choiceLoop_counter_billsEveryStateEntered() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'Init', 'States': {"
                + "'Init': {'Type': 'Pass', 'Result': {'i': 0}, 'Next': 'Check'},"
                + "'Check': {'Type': 'Choice', 'Choices': [{'Variable': '$.i', 'NumericGreaterThanEquals': 3, 'Next': 'Done'}],"
                + " 'Default': 'Inc'},"
                + "'Inc': {'Type': 'Pass', 'Parameters': {'i.$': 'States.MathAdd($.i, 1)'}, 'Next': 'Check'},"
                + "'Done': {'Type': 'Succeed'}}}", "{}");
        assertEquals(AslTesting.JSON.readTree("{\"i\":3}"), run.output(), "output");
        assertEquals(1 + 4 + 3 + 1, run.outcome().billedTransitions(), "Init, Check x4, Inc x3, Done");
    }

    @Test
    void choice_noMatchNoDefault_failsWithNoChoiceMatched() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'C', 'States': {'C': {'Type': 'Choice', 'Choices': ["
                + "{'Variable': '$.v', 'StringEquals': 'x', 'Next': 'D'}]}, 'D': {'Type': 'Succeed'}}}", "{'v': 'y'}");
        assertEquals("States.NoChoiceMatched", run.outcome().error(), "error");
    }

    @Test
    void choice_typeMismatch_isFalseNotError() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'C', 'States': {'C': {'Type': 'Choice', 'Choices': ["
                + "{'Variable': '$.v', 'NumericEquals': 1, 'Next': 'One'}], 'Default': 'Other'},"
                + "'One': {'Type': 'Pass', 'Result': 'one', 'End': true}, 'Other': {'Type': 'Pass', 'Result': 'other', 'End': true}}}",
                "{'v': '1'}");
        assertEquals("\"other\"", run.outcome().output(), "a string never equals a number");
    }

    @Test
    void wait_seconds_advancesTheClockOnly() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'W', 'States': {'W': {'Type': 'Wait', 'Seconds': 3600, 'End': true}}}",
                "{'a': 1}");
        assertEquals(AslTesting.START.plusSeconds(3600), run.clock().now(), "clock after the wait");
        assertEquals(List.of("ExecutionStarted", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded"),
                run.types(), "history");
    }

    @Test
    void map_itemSelector_runsEachItemWithIndex() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'M', 'States': {'M': {'Type': 'Map', 'ItemsPath': '$.items',"
                + " 'ItemSelector': {'v.$': '$$.Map.Item.Value', 'i.$': '$$.Map.Item.Index'},"
                + " 'ItemProcessor': {'StartAt': 'P', 'States': {'P': {'Type': 'Pass', 'End': true}}}, 'End': true}}}",
                "{'items': ['a', 'b']}");
        assertEquals(AslTesting.JSON.readTree("[{\"v\":\"a\",\"i\":0},{\"v\":\"b\",\"i\":1}]"), run.output(), "output");
        assertEquals(List.of("ExecutionStarted", "MapStateEntered", "MapStateStarted",
                "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded",
                "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded",
                "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"), run.types(), "history");
    }

    @Test
    void map_failingIteration_failsMapWithItsError() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'M', 'States': {'M': {'Type': 'Map',"
                + " 'ItemProcessor': {'StartAt': 'F', 'States': {'F': {'Type': 'Fail', 'Error': 'Bad', 'Cause': 'c'}}},"
                + " 'End': true}}}", "[1, 2]");
        assertEquals("Bad", run.outcome().error(), "error");
        assertEquals(List.of("ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapIterationStarted",
                "FailStateEntered", "MapIterationFailed", "MapStateFailed", "ExecutionFailed"), run.types(), "history");
    }

    @Test
    void parallel_branches_outputArrayInBranchOrder() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'P', 'States': {'P': {'Type': 'Parallel', 'Branches': ["
                + "{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Result': 1, 'End': true}}},"
                + "{'StartAt': 'B', 'States': {'B': {'Type': 'Pass', 'Result': 2, 'End': true}}}], 'End': true}}}", "{}");
        assertEquals("[1,2]", run.outcome().output(), "output");
        assertEquals(3, run.outcome().billedTransitions(), "Parallel, A and B entered");
    }

    @Test
    void fail_errorAndCause_endExecution() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'F', 'States': {'F': {'Type': 'Fail', 'ErrorPath': '$.e',"
                + " 'CausePath': 'States.Format(\\'because {}\\', $.c)'}}}", "{'e': 'E1', 'c': 'x'}");
        assertEquals("E1", run.outcome().error(), "error");
        assertEquals("because x", run.outcome().cause(), "cause");
    }

    @Test
    void execution_timeoutSeconds_endsAsTimedOutAtTheDeadline() throws Exception {
        AslTesting.Run run = AslTesting.run("{'TimeoutSeconds': 10, 'StartAt': 'W', 'States': {"
                + "'W': {'Type': 'Wait', 'Seconds': 60, 'End': true}}}", "{}");
        assertEquals("TIMED_OUT", run.outcome().status(), "status");
        assertEquals(AslTesting.START.plusSeconds(10), run.clock().now(), "the clock stops at the deadline");
        assertEquals("ExecutionTimedOut", run.types().get(run.types().size() - 1), "last event");
    }
}
