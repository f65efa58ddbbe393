package avmon.cli.serverless;

import avmon.core.store.SegmentKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One stream to run through the workflow: the execution input of its first execution.
 *
 * @param streamId             the stream's id (checked here, before it reaches a function or a key)
 * @param source               its playlist, {@code s3://bucket/streams/<id>/index.m3u8} or an https URL
 * @param detectors            the detectors to run, each starting without state, or {@code null} for those the
 *                             deployment's detector function runs (the workflow's default)
 * @param segmentsPerExecution segments per execution before continuing as new, or {@code null} for the
 *                             state machine's own setting
 */
public record StreamInput(String streamId, String source, List<String> detectors, Integer segmentsPerExecution) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public StreamInput {
        SegmentKey.requireValidStreamId(streamId);
        detectors = detectors == null ? null : List.copyOf(detectors);
        if (detectors != null && detectors.isEmpty()) {
            throw new IllegalArgumentException(streamId + ": no detectors to run");
        }
        if (segmentsPerExecution != null && segmentsPerExecution < 1) {
            throw new IllegalArgumentException("segments per execution must be at least 1, was " + segmentsPerExecution);
        }
    }

    /** The execution input the workflow's Start state reads. */
    public String toJson() {
        ObjectNode input = JSON.createObjectNode();
        input.put("streamId", streamId);
        input.put("source", source);
        if (detectors != null) {
            ArrayNode runs = input.putArray("detectors");
            for (String name : detectors) {
                runs.addObject().put("name", name).putNull("state");
            }
        }
        if (segmentsPerExecution != null) {
            input.put("segmentsPerExecution", segmentsPerExecution);
        }
        return input.toString();
    }
}
