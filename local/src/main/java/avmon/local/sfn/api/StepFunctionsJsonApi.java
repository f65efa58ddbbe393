package avmon.local.sfn.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * The Step Functions operations in the AWS JSON 1.0 shapes: request members in, response members out,
 * named as the Step Functions API reference names them, timestamps as epoch seconds. Knows nothing of
 * HTTP; {@link StepFunctionsServer} carries it.
 */
final class StepFunctionsJsonApi {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private interface Operation {
        ObjectNode call(ObjectNode request) throws InterruptedException;
    }

    private final StepFunctionsService service;
    private final Map<String, Operation> operations;

    StepFunctionsJsonApi(StepFunctionsService service) {
        this.service = service;
        this.operations = Map.ofEntries(
                Map.entry("CreateStateMachine", this::createStateMachine),
                Map.entry("DescribeStateMachine", this::describeStateMachine),
                Map.entry("ListStateMachines", this::listStateMachines),
                Map.entry("DeleteStateMachine", this::deleteStateMachine),
                Map.entry("StartExecution", this::startExecution),
                Map.entry("StartSyncExecution", this::startSyncExecution),
                Map.entry("DescribeExecution", this::describeExecution),
                Map.entry("GetExecutionHistory", this::getExecutionHistory),
                Map.entry("ListExecutions", this::listExecutions),
                Map.entry("StopExecution", this::stopExecution));
    }

    boolean supports(String operation) {
        return operations.containsKey(operation);
    }

    /** Runs {@code operation}; failures come as {@link StepFunctionsException} with AWS's error code. */
    ObjectNode call(String operation, ObjectNode request) throws InterruptedException {
        return operations.get(operation).call(request);
    }

    private ObjectNode createStateMachine(ObjectNode request) {
        StateMachine machine = service.createStateMachine(required(request, "name"), required(request, "definition"),
                required(request, "roleArn"), enumMember(request, "type", StateMachineType.class));
        ObjectNode response = JSON.objectNode();
        response.put("stateMachineArn", machine.arn());
        response.set("creationDate", timestamp(machine.creationDate()));
        return response;
    }

    private ObjectNode describeStateMachine(ObjectNode request) {
        StateMachine machine = service.describeStateMachine(required(request, "stateMachineArn"));
        ObjectNode response = JSON.objectNode();
        response.put("stateMachineArn", machine.arn());
        response.put("name", machine.name());
        response.put("status", "ACTIVE");
        response.put("definition", machine.definition());
        response.put("roleArn", machine.roleArn());
        response.put("type", machine.type().name());
        response.set("creationDate", timestamp(machine.creationDate()));
        response.set("loggingConfiguration", JSON.objectNode().put("level", "OFF").put("includeExecutionData", false));
        response.set("tracingConfiguration", JSON.objectNode().put("enabled", false));
        return response;
    }

    private ObjectNode listStateMachines(ObjectNode request) {
        Page<StateMachine> page = service.listStateMachines(request.path("maxResults").asInt(0), optional(request, "nextToken"));
        ArrayNode items = JSON.arrayNode();
        for (StateMachine machine : page.items()) {
            ObjectNode item = items.addObject();
            item.put("stateMachineArn", machine.arn());
            item.put("name", machine.name());
            item.put("type", machine.type().name());
            item.set("creationDate", timestamp(machine.creationDate()));
        }
        return pageResponse("stateMachines", items, page.nextToken());
    }

    private ObjectNode deleteStateMachine(ObjectNode request) {
        service.deleteStateMachine(required(request, "stateMachineArn"));
        return JSON.objectNode();
    }

    private ObjectNode startExecution(ObjectNode request) {
        ExecutionDescription execution = service.startExecution(required(request, "stateMachineArn"),
                optional(request, "name"), optional(request, "input"));
        ObjectNode response = JSON.objectNode();
        response.put("executionArn", execution.executionArn());
        response.set("startDate", timestamp(execution.startDate()));
        return response;
    }

    private ObjectNode startSyncExecution(ObjectNode request) throws InterruptedException {
        ExecutionDescription execution = service.startSyncExecution(required(request, "stateMachineArn"),
                optional(request, "name"), optional(request, "input"));
        return describe(execution);
    }

    private ObjectNode describeExecution(ObjectNode request) {
        ObjectNode response = describe(service.describeExecution(required(request, "executionArn")));
        response.put("redriveCount", 0);
        return response;
    }

    private ObjectNode getExecutionHistory(ObjectNode request) {
        Page<ObjectNode> page = service.getExecutionHistory(required(request, "executionArn"),
                request.path("maxResults").asInt(0), request.path("reverseOrder").asBoolean(false),
                optional(request, "nextToken"), request.path("includeExecutionData").asBoolean(true));
        ArrayNode events = JSON.arrayNode();
        events.addAll(page.items());
        return pageResponse("events", events, page.nextToken());
    }

    private ObjectNode listExecutions(ObjectNode request) {
        Page<ExecutionDescription> page = service.listExecutions(required(request, "stateMachineArn"),
                enumMember(request, "statusFilter", ExecutionStatus.class), request.path("maxResults").asInt(0),
                optional(request, "nextToken"));
        ArrayNode items = JSON.arrayNode();
        for (ExecutionDescription execution : page.items()) {
            ObjectNode item = items.addObject();
            item.put("executionArn", execution.executionArn());
            item.put("stateMachineArn", execution.stateMachineArn());
            item.put("name", execution.name());
            item.put("status", execution.status().name());
            item.set("startDate", timestamp(execution.startDate()));
            if (execution.stopDate() != null) {
                item.set("stopDate", timestamp(execution.stopDate()));
            }
        }
        return pageResponse("executions", items, page.nextToken());
    }

    private ObjectNode stopExecution(ObjectNode request) {
        Instant stopDate = service.stopExecution(required(request, "executionArn"), optional(request, "error"),
                optional(request, "cause"));
        ObjectNode response = JSON.objectNode();
        response.set("stopDate", timestamp(stopDate));
        return response;
    }

    /** The members DescribeExecution and StartSyncExecution share. */
    private static ObjectNode describe(ExecutionDescription execution) {
        ObjectNode response = JSON.objectNode();
        response.put("executionArn", execution.executionArn());
        response.put("stateMachineArn", execution.stateMachineArn());
        response.put("name", execution.name());
        response.put("status", execution.status().name());
        response.set("startDate", timestamp(execution.startDate()));
        if (execution.stopDate() != null) {
            response.set("stopDate", timestamp(execution.stopDate()));
        }
        response.put("input", execution.input());
        response.set("inputDetails", JSON.objectNode().put("included", true));
        if (execution.output() != null) {
            response.put("output", execution.output());
            response.set("outputDetails", JSON.objectNode().put("included", true));
        }
        if (execution.error() != null) {
            response.put("error", execution.error());
        }
        if (execution.cause() != null) {
            response.put("cause", execution.cause());
        }
        return response;
    }

    private static ObjectNode pageResponse(String member, ArrayNode items, String nextToken) {
        ObjectNode response = JSON.objectNode();
        response.set(member, items);
        if (nextToken != null) {
            response.put("nextToken", nextToken);
        }
        return response;
    }

    /** Epoch seconds with milliseconds, the JSON protocol's timestamp format. */
    private static JsonNode timestamp(Instant instant) {
        return JSON.numberNode(BigDecimal.valueOf(instant.toEpochMilli(), 3));
    }

    private static String required(ObjectNode request, String member) {
        String value = optional(request, member);
        if (value == null) {
            throw new StepFunctionsException(SfnErrorCode.ValidationException, "1 validation error detected: Value null at '"
                    + member + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    private static String optional(ObjectNode request, String member) {
        JsonNode value = request.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static <E extends Enum<E>> E enumMember(ObjectNode request, String member, Class<E> type) {
        String value = optional(request, member);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new StepFunctionsException(SfnErrorCode.ValidationException, "1 validation error detected: Value '"
                    + value + "' at '" + member + "' failed to satisfy constraint: Member must satisfy enum value set: "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
