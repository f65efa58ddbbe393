package avmon.cli.monitor;

import avmon.aws.sns.SnsNotifier;
import avmon.cli.UserError;
import avmon.core.notify.JsonLinesNotifier;
import avmon.core.notify.Notifier;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * Where {@code --notify} sends notifications, as {@code KIND[:ARGUMENT]}: {@code stdout} (the terminal, in
 * the live view), {@code jsonl:FILE} (one JSON object per line, appended) or {@code sns:ARN} (published to
 * an SNS topic, as the serverless pipeline's notifier does).
 *
 * @param kind     what kind of target
 * @param argument the file for {@code jsonl}, the topic ARN for {@code sns}, else empty
 */
record NotifyTarget(Kind kind, String argument) {

    /** The kinds of target. */
    enum Kind {
        /** Printed with the live view. */
        STDOUT,
        /** A JSON-lines file. */
        JSONL,
        /** An SNS topic. */
        SNS
    }

    static final NotifyTarget STDOUT = new NotifyTarget(Kind.STDOUT, "");

    /** {@code arn:PARTITION:sns:REGION:ACCOUNT:TOPIC}, the topic name as SNS allows it (a FIFO one too). */
    private static final Pattern TOPIC_ARN = Pattern.compile(
            "arn:aws(?:-[a-z]+)*:sns:([a-z]{2}(?:-[a-z]+)+-\\d+):(\\d{12}):[A-Za-z0-9_-]{1,256}(?:\\.fifo)?");

    /**
     * Reads a {@code --notify} value.
     *
     * @throws UserError (usage) for a kind that is unknown, or an argument it cannot use
     */
    static NotifyTarget parse(String spec) {
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        String argument = colon < 0 ? "" : spec.substring(colon + 1);
        return switch (kind) {
            case "stdout" -> STDOUT;
            case "jsonl" -> {
                if (argument.isBlank()) {
                    throw new UserError("--notify jsonl:FILE needs a file", 2);
                }
                yield new NotifyTarget(Kind.JSONL, argument);
            }
            case "sns" -> {
                if (argument.isBlank()) {
                    throw new UserError("--notify sns:ARN needs a topic ARN, e.g. sns:arn:aws:sns:eu-west-1:123456789012:defects", 2);
                }
                if (!TOPIC_ARN.matcher(argument).matches()) {
                    throw new UserError("--notify sns:" + argument + ": not an SNS topic ARN"
                            + " (arn:aws:sns:REGION:ACCOUNT:TOPIC)", 2);
                }
                yield new NotifyTarget(Kind.SNS, argument);
            }
            default -> throw new UserError("--notify '" + spec + "': expected stdout, jsonl:FILE or sns:ARN", 2);
        };
    }

    /**
     * The notifier for this target, or null for {@code stdout} (the live view prints every notification
     * anyway). What it holds open (a file, an SNS client) is closed with {@code resources}. An SNS topic is
     * asked for once now, so that a topic that does not exist stops the monitor before it starts.
     *
     * @throws UserError when the file cannot be written, or the topic does not exist or cannot be reached
     */
    Notifier open(List<AutoCloseable> resources, AwsOptions aws) {
        return switch (kind) {
            case STDOUT -> null;
            case JSONL -> jsonLines(resources);
            case SNS -> sns(resources, aws);
        };
    }

    private Notifier jsonLines(List<AutoCloseable> resources) {
        try {
            Writer out = Files.newBufferedWriter(Path.of(argument), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            resources.add(out);
            return new JsonLinesNotifier(out);
        } catch (IOException | RuntimeException e) {
            throw new UserError("--notify jsonl:" + argument + ": cannot write: " + e.getMessage());
        }
    }

    private Notifier sns(List<AutoCloseable> resources, AwsOptions aws) {
        Matcher arn = TOPIC_ARN.matcher(argument);
        if (!arn.matches()) {
            throw new IllegalStateException("parse() accepts only topic ARNs: " + argument);
        }
        SnsClient sns = aws.sns(arn.group(1));
        resources.add(sns);
        String target = "--notify sns:" + argument + " (SNS at " + aws.snsTarget() + ")";
        try {
            sns.getTopicAttributes(b -> b.topicArn(argument));
        } catch (NotFoundException e) {
            throw new UserError(target + ": no such topic");
        } catch (AuthorizationErrorException e) {
            throw new UserError(target + ": not allowed: " + serviceMessage(e));
        } catch (SnsException e) {
            throw new UserError(target + ": " + serviceMessage(e));
        } catch (SdkClientException e) {
            throw new UserError(target + ": cannot reach SNS: " + e.getMessage());
        } catch (SdkException e) {
            throw new UserError(target + ": " + e.getMessage());
        }
        return new SnsNotifier(sns, argument);
    }

    /** The service's own words, without the SDK's request ids. */
    private static String serviceMessage(SnsException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : e.getMessage();
    }
}
