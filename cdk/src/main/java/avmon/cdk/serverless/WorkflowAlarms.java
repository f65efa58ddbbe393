package avmon.cdk.serverless;

import avmon.cdk.alarm.AlarmsTopic;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * Alarms on what stops streams being monitored: executions that fail, time out or are throttled (the
 * transition quota the case ran into), and functions Lambda throttles. Each alarms on any occurrence in five
 * minutes and tells the alarms topic.
 */
public final class WorkflowAlarms extends Construct {

    private static final MetricOptions FIVE_MINUTE_SUM = MetricOptions.builder()
            .period(Duration.minutes(5)).statistic("Sum").build();

    public WorkflowAlarms(Construct scope, String id, StateMachine workflow, List<StreamFunction> functions,
                          AlarmsTopic alarms) {
        super(scope, id);
        SnsAction notify = alarms.action();
        alarmOnAny("ExecutionsFailed", workflow.metricFailed(FIVE_MINUTE_SUM),
                "A stream's execution failed: its failure notification on the defects topic says why", notify);
        alarmOnAny("ExecutionsTimedOut", workflow.metricTimedOut(FIVE_MINUTE_SUM),
                "A stream's execution timed out", notify);
        alarmOnAny("ExecutionsThrottled", workflow.metricThrottled(FIVE_MINUTE_SUM),
                "Step Functions throttled the workflow: the account's state transition quota is reached", notify);
        for (StreamFunction f : functions) {
            alarmOnAny(f.getNode().getId() + "Throttles", f.function().metricThrottles(FIVE_MINUTE_SUM),
                    "Lambda throttled the " + f.getNode().getId() + " function: concurrency quota reached", notify);
        }
    }

    private void alarmOnAny(String id, IMetric metric, String description, SnsAction notify) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .metric(metric)
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build();
        alarm.addAlarmAction(notify);
    }
}
