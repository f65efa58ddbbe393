package avmon.cdk.monolith;

import avmon.cdk.context.ContextValues;
import avmon.cdk.context.InvalidContextException;
import avmon.core.detect.DetectorSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The monolith stack's parameters, from CDK context with defaults ({@code -c key=value}).
 *
 * @param streams        what every copy is given, {@code ID=URL} ({@code streams}, comma-separated); each copy
 *                       keeps its shard's share
 * @param shardCount     how many shards the streams are split into, one copy each ({@code shardCount}, default 1)
 * @param autoscale      instead of fixed shards, copies scaled on CPU between a minimum and a maximum
 *                       ({@code autoscale=MIN-MAX}, e.g. 1-4), or {@code null}
 * @param detectorGroups detector subsets, one copy of every shard per subset ({@code detectorGroups}: subsets
 *                       separated by ';', names by ','; default: one group with every detector)
 * @param cpu            Fargate CPU units per copy ({@code monolithCpu}, default 1024 = 1 vCPU)
 * @param memoryMb       memory per copy ({@code monolithMemoryMb}, default 2048)
 * @param workers        streams analysed at once per copy ({@code workers}, default 16)
 * @param image          a registry image to run instead of building docker/monolith ({@code monolithImage}),
 *                       or {@code null}
 * @param repoRoot       the repository, the image's build context ({@code repoRoot}, default ..)
 * @param logRetention   how long the copies' logs stay ({@code logRetentionDays}, default 14)
 * @param alarmEmail     an address subscribed to the alarms topic ({@code alarmEmail}), or {@code null}
 * @param sources        the bucket and key prefix s3:// streams are read from ({@code sourcesBucket},
 *                       {@code sourcesPrefix}, default streams/), or {@code null} for none
 */
public record MonolithSettings(List<String> streams, int shardCount, Sharding.Scaled autoscale,
                               List<List<String>> detectorGroups, int cpu,
                               int memoryMb, int workers, String image, Path repoRoot, RetentionDays logRetention,
                               String alarmEmail, S3Sources sources) {

    /**
     * Where the copies may read s3:// streams (the serverless stack's frames bucket, say, so both designs
     * monitor the same uploads).
     *
     * @param bucket the bucket's name
     * @param prefix the key prefix every stream is under, ending in '/'
     */
    public record S3Sources(String bucket, String prefix) {
        /** Whether {@code url} names an object under this bucket and prefix. */
        boolean holds(String url) {
            return url.startsWith("s3://" + bucket + "/" + prefix) && !url.contains("/../");
        }
    }

    /**
     * A public HLS test stream (video on demand: a copy monitors it to the end, exits, and ECS starts it again),
     * so the stack deploys something that works before you give it your own streams.
     */
    static final String DEMO_STREAM = "demo=https://test-streams.mux.dev/x36xhzz/x36xhzz.m3u8";

    private static final Pattern RANGE = Pattern.compile("(\\d{1,3})-(\\d{1,3})");
    private static final Pattern STREAM = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]{0,127}=(https?|s3)://\\S+");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*/");

    /** Fargate's CPU units and, for each, the memory sizes it accepts (MB, min and max). */
    private static final int[][] FARGATE_SIZES = {{256, 512, 2048}, {512, 1024, 4096}, {1024, 2048, 8192},
        {2048, 4096, 16384}, {4096, 8192, 30720}};

    /** The port the status endpoint listens on inside the task (health checks). */
    public static final int STATUS_PORT = 8080;

    /**
     * Reads the settings.
     *
     * @throws InvalidContextException naming the first value that cannot be used
     */
    public static MonolithSettings from(ContextValues context, RetentionDays logRetention) {
        List<String> streams = context.list("streams", List.of(DEMO_STREAM));
        for (String s : streams) {
            if (!STREAM.matcher(s).matches()) {
                throw new InvalidContextException("streams", s,
                        "expected ID=URL items (http, https or s3; a container has no local files), comma-separated");
            }
        }
        S3Sources sources = sources(context, streams);
        int cpu = context.integer("monolithCpu", 1024, 256, 4096);
        int memory = context.integer("monolithMemoryMb", 2048, 512, 30720);
        requireFargateSize(cpu, memory);
        int shards = context.integer("shardCount", 1, 1, 64);
        Sharding.Scaled autoscale = autoscale(context.text("autoscale", null));
        if (autoscale != null && shards != 1) {
            throw new InvalidContextException("autoscale", context.text("autoscale", null),
                    "scaled copies find their shards themselves: give autoscale or shardCount, not both");
        }
        return new MonolithSettings(streams, shards, autoscale,
                detectorGroups(context.text("detectorGroups", "")), cpu, memory,
                context.integer("workers", 16, 1, 1024), context.text("monolithImage", null),
                Path.of(context.text("repoRoot", "..")), logRetention, context.text("alarmEmail", null), sources);
    }

    /** The s3:// source bucket, required when a stream is in S3; each such stream must be under its prefix. */
    private static S3Sources sources(ContextValues context, List<String> streams) {
        String bucket = context.text("sourcesBucket", null);
        String prefix = context.text("sourcesPrefix", "streams/");
        List<String> inS3 = streams.stream().map(s -> s.substring(s.indexOf('=') + 1)).filter(u -> u.startsWith("s3://")).toList();
        if (bucket == null) {
            if (!inS3.isEmpty()) {
                throw new InvalidContextException("streams", inS3.get(0),
                        "an s3:// stream needs -c sourcesBucket=BUCKET, the bucket the copies may read");
            }
            return null;
        }
        if (!BUCKET.matcher(bucket).matches()) {
            throw new InvalidContextException("sourcesBucket", bucket, "expected an S3 bucket name");
        }
        if (!PREFIX.matcher(prefix).matches()) {
            throw new InvalidContextException("sourcesPrefix", prefix, "expected a key prefix ending in '/', such as streams/");
        }
        S3Sources sources = new S3Sources(bucket, prefix);
        for (String url : inS3) {
            if (!sources.holds(url)) {
                throw new InvalidContextException("streams", url, "s3:// streams must be under s3://" + bucket + "/" + prefix);
            }
        }
        return sources;
    }

    /** "1-4" is one to four copies; {@code null} is fixed shards. */
    static Sharding.Scaled autoscale(String spec) {
        if (spec == null) {
            return null;
        }
        java.util.regex.Matcher m = RANGE.matcher(spec);
        if (!m.matches()) {
            throw new InvalidContextException("autoscale", spec, "expected MIN-MAX copies, such as 1-4");
        }
        int min = Integer.parseInt(m.group(1));
        int max = Integer.parseInt(m.group(2));
        if (min < 1 || max < min || max > 100) {
            throw new InvalidContextException("autoscale", spec, "expected 1 <= MIN <= MAX <= 100");
        }
        return new Sharding.Scaled(min, max);
    }

    /** "freeze,black;silence" is two groups; empty is one group of every detector (an empty list). */
    static List<List<String>> detectorGroups(String spec) {
        if (spec.isBlank()) {
            return List.of(List.of());
        }
        List<List<String>> groups = Arrays.stream(spec.split(";"))
                .map(g -> Arrays.stream(g.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList())
                .toList();
        for (List<String> group : groups) {
            if (group.isEmpty()) {
                throw new InvalidContextException("detectorGroups", spec, "a group is empty");
            }
            for (String name : group) {
                if (!DetectorSettings.NAMES.contains(name)) {
                    throw new InvalidContextException("detectorGroups", spec,
                            "unknown detector '" + name + "' (known: " + String.join(", ", DetectorSettings.NAMES) + ")");
                }
            }
        }
        return groups;
    }

    private static void requireFargateSize(int cpu, int memory) {
        for (int[] size : FARGATE_SIZES) {
            if (size[0] == cpu) {
                if (memory < size[1] || memory > size[2] || memory % 1024 != 0 && memory != 512) {
                    throw new InvalidContextException("monolithMemoryMb", memory, "Fargate with " + cpu
                            + " CPU units takes " + size[1] + " to " + size[2] + " MB in whole GB");
                }
                return;
            }
        }
        throw new InvalidContextException("monolithCpu", cpu, "expected 256, 512, 1024, 2048 or 4096");
    }
}
