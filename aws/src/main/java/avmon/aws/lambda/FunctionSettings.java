package avmon.aws.lambda;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a function reads from its environment. Every value has a default that works on AWS except the
 * bucket and the topic, which the deployment sets; the endpoint overrides are for the local cloud and
 * LocalStack only. Credentials are the execution role's keys that Lambda (and the local Lambda host) puts
 * in {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}.
 *
 * @param region          the region clients talk to ({@code AWS_REGION}, set by Lambda)
 * @param framesBucket    where frames and audio go, and the one bucket s3:// sources may name
 * @param allowedHosts    hosts https:// sources may name ({@code *.example.com} patterns allowed)
 * @param s3Endpoint      an S3 endpoint override, or {@code null}
 * @param snsEndpoint     an SNS endpoint override, or {@code null}
 * @param topicArn        the topic the notifier publishes to, or {@code null}
 * @param thumbnailWidth  analysis frame width
 * @param thumbnailHeight analysis frame height
 * @param accessKeyId     the role's access key, or {@code null} for the SDK's default chain
 * @param secretKey       its secret
 * @param sessionToken    its session token, or {@code null} for long-term keys
 */
public record FunctionSettings(String region, String framesBucket, Set<String> allowedHosts, URI s3Endpoint,
                               URI snsEndpoint, String topicArn, int thumbnailWidth, int thumbnailHeight,
                               String accessKeyId, String secretKey, String sessionToken) {

    public static final String REGION = "AWS_REGION";
    public static final String FRAMES_BUCKET = "FRAMES_BUCKET";
    public static final String ALLOWED_HTTPS_HOSTS = "ALLOWED_HTTPS_HOSTS";
    public static final String S3_ENDPOINT = "S3_ENDPOINT";
    public static final String SNS_ENDPOINT = "SNS_ENDPOINT";
    public static final String TOPIC_ARN = "TOPIC_ARN";
    public static final String THUMBNAIL_SIZE = "THUMBNAIL_SIZE";
    public static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    public static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";

    private static final Pattern SIZE = Pattern.compile("(\\d{2,4})x(\\d{2,4})");

    @Override
    public String toString() {
        // Keeps the secret out of logs.
        return "FunctionSettings[region=" + region + ", framesBucket=" + framesBucket + ", allowedHosts="
                + allowedHosts + ", s3Endpoint=" + s3Endpoint + ", snsEndpoint=" + snsEndpoint + ", topicArn="
                + topicArn + ", thumbnail=" + thumbnailWidth + "x" + thumbnailHeight + "]";
    }

    /**
     * Reads the settings.
     *
     * @throws IllegalArgumentException naming the variable whose value cannot be used
     */
    public static FunctionSettings from(Map<String, String> env) {
        String size = env.getOrDefault(THUMBNAIL_SIZE, "160x90");
        Matcher m = SIZE.matcher(size.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(THUMBNAIL_SIZE + " must be WIDTHxHEIGHT, e.g. 160x90, was '" + size + "'");
        }
        String accessKey = blankToNull(env.get(ACCESS_KEY_ID));
        String secret = blankToNull(env.get(SECRET_ACCESS_KEY));
        if ((accessKey == null) != (secret == null)) {
            throw new IllegalArgumentException("set both " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + ", or neither");
        }
        return new FunctionSettings(env.getOrDefault(REGION, "us-east-1"), blankToNull(env.get(FRAMES_BUCKET)),
                hosts(env.get(ALLOWED_HTTPS_HOSTS)), uri(env, S3_ENDPOINT), uri(env, SNS_ENDPOINT),
                blankToNull(env.get(TOPIC_ARN)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                accessKey, secret, blankToNull(env.get(SESSION_TOKEN)));
    }

    /** The frames bucket; throws when the deployment did not set it. */
    public String requireFramesBucket() {
        if (framesBucket == null) {
            throw new IllegalStateException(FRAMES_BUCKET + " is not set");
        }
        return framesBucket;
    }

    /** The topic ARN; throws when the deployment did not set it. */
    public String requireTopicArn() {
        if (topicArn == null) {
            throw new IllegalStateException(TOPIC_ARN + " is not set");
        }
        return topicArn;
    }

    private static Set<String> hosts(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static URI uri(Map<String, String> env, String name) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a URI: " + value, e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an http(s)://host:port URI, was " + value);
        }
        return uri;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
