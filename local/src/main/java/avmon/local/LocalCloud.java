package avmon.local;

import avmon.local.auth.SigV4Verifier;
import avmon.local.lambda.LambdaHost;
import avmon.local.s3.S3Server;
import avmon.local.s3.S3Storage;
import avmon.local.sns.SnsServer;
import avmon.local.sns.SnsService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded AWS: starts the services asked for (S3, SNS, the Lambda host, and a Step Functions service
 * given as a {@link LocalService.Starter}), hands out their endpoints, the region, the account id and the
 * static credentials every SDK client must sign with, and closes them all.
 *
 * <pre>{@code
 * try (LocalCloud cloud = LocalCloud.builder().s3(S3Storage.inMemory()).sns().lambda().start()) {
 *     S3Client s3 = S3Client.builder().endpointOverride(cloud.s3Endpoint()).forcePathStyle(true)
 *             .serviceConfiguration(S3Server.clientConfiguration())
 *             .region(Region.of(cloud.region())).credentialsProvider(cloud.credentials().provider()).build();
 * }
 * }</pre>
 */
public final class LocalCloud implements AutoCloseable {

    /** The region every local service claims to be in. */
    public static final String REGION = "us-east-1";
    /** The account that owns every local resource. */
    public static final String ACCOUNT_ID = "000000000000";

    private final LocalCredentials credentials;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private S3Server s3;
    private SnsService sns;
    private SnsServer snsServer;
    private LambdaHost lambda;
    private LocalService stepFunctions;

    private LocalCloud(LocalCredentials credentials) {
        this.credentials = credentials;
    }

    /** Starts choosing services; nothing runs until {@link Builder#start()}. */
    public static Builder builder() {
        return new Builder();
    }

    public String region() {
        return REGION;
    }

    public String accountId() {
        return ACCOUNT_ID;
    }

    /** The key pair every service checks signatures against. */
    public LocalCredentials credentials() {
        return credentials;
    }

    /** S3's endpoint, for {@code endpointOverride} with {@code forcePathStyle(true)}. */
    public URI s3Endpoint() {
        return s3().endpoint();
    }

    /** The S3 server, e.g. to create buckets without a client. */
    public S3Server s3() {
        return running(s3, "S3");
    }

    /** SNS's endpoint, for {@code SnsClient} with {@code endpointOverride}. */
    public URI snsEndpoint() {
        return running(snsServer, "SNS").endpoint();
    }

    /** The SNS service, e.g. to subscribe an in-memory subscriber or read metrics. */
    public SnsService sns() {
        return running(sns, "SNS");
    }

    /** The Lambda host: register functions, invoke them, read metrics; also a {@code TaskInvoker}. */
    public LambdaHost lambda() {
        return running(lambda, "the Lambda host");
    }

    /** The Step Functions endpoint, for {@code SfnClient} with {@code endpointOverride}. */
    public URI stepFunctionsEndpoint() {
        return running(stepFunctions, "Step Functions").endpoint();
    }

    /** The Step Functions service as its starter returned it. */
    public LocalService stepFunctions() {
        return running(stepFunctions, "Step Functions");
    }

    private static <T> T running(T service, String name) {
        if (service == null) {
            throw new LocalCloudException(name + " was not started: ask the LocalCloud builder for it", null);
        }
        return service;
    }

    /** Closes every service, the last started first. */
    @Override
    public void close() {
        List<Exception> failures = new ArrayList<>();
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            LocalCloudException error = new LocalCloudException("closing the local cloud failed", failures.get(0));
            failures.subList(1, failures.size()).forEach(error::addSuppressed);
            throw error;
        }
    }

    /** Chooses which services a {@link LocalCloud} starts. */
    public static final class Builder {
        private LocalCredentials credentials = LocalCredentials.DEFAULT;
        private S3Storage s3Storage;
        private final List<String> buckets = new ArrayList<>();
        private boolean sns;
        private final Map<String, Path> snsFileLogs = new LinkedHashMap<>();
        private Integer lambdaConcurrency;
        private LocalService.Starter stepFunctions;

        private Builder() {
        }

        /** The key pair clients sign with; {@link LocalCredentials#DEFAULT} unless set. */
        public Builder credentials(LocalCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Starts S3 with objects kept in {@code storage}. */
        public Builder s3(S3Storage storage) {
            this.s3Storage = storage;
            return this;
        }

        /** Starts S3 (in memory unless {@link #s3(S3Storage)} says otherwise) with this bucket created. */
        public Builder s3Bucket(String name) {
            if (s3Storage == null) {
                s3Storage = S3Storage.inMemory();
            }
            buckets.add(name);
            return this;
        }

        /** Starts SNS. */
        public Builder sns() {
            this.sns = true;
            return this;
        }

        /** Starts SNS with topic {@code topicName} created and every message to it appended to {@code file}. */
        public Builder snsFileLog(String topicName, Path file) {
            this.sns = true;
            snsFileLogs.put(topicName, file);
            return this;
        }

        /**
         * Starts the Lambda host with AWS's default account concurrency (1,000). Functions find the cloud's
         * credentials in {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}, as an execution role's.
         */
        public Builder lambda() {
            return lambda(LambdaHost.DEFAULT_ACCOUNT_CONCURRENCY);
        }

        /** Starts the Lambda host with this many concurrent invocations across all functions. */
        public Builder lambda(int accountConcurrency) {
            this.lambdaConcurrency = accountConcurrency;
            return this;
        }

        /**
         * Starts a Step Functions service after the other services, so that it can use
         * {@link LocalCloud#lambda()} as its task invoker and the cloud's region, account and credentials.
         */
        public Builder stepFunctions(LocalService.Starter starter) {
            this.stepFunctions = starter;
            return this;
        }

        /**
         * Starts the chosen services. When one fails, those already started are closed again.
         *
         * @throws LocalCloudException naming the service that did not start
         */
        public LocalCloud start() {
            LocalCloud cloud = new LocalCloud(credentials);
            try {
                startAll(cloud);
                return cloud;
            } catch (RuntimeException e) {
                closeAfterFailure(cloud, e);
                throw e;
            }
        }

        private void startAll(LocalCloud cloud) {
            if (s3Storage != null) {
                cloud.s3 = S3Server.start(s3Storage, credentials);
                cloud.started.push(cloud.s3);
                buckets.forEach(cloud.s3::createBucket);
            }
            if (sns) {
                cloud.sns = new SnsService(REGION, ACCOUNT_ID, Clock.systemUTC());
                cloud.snsServer = SnsServer.start(cloud.sns, new SigV4Verifier(credentials, Clock.systemUTC()));
                cloud.started.push(cloud.snsServer);
                snsFileLogs.forEach((topic, file) -> cloud.sns.subscribe(cloud.sns.createTopic(topic, Map.of()).arn(),
                        "file", file.toAbsolutePath().toString(), Map.of()));
            }
            if (lambdaConcurrency != null) {
                cloud.lambda = new LambdaHost(REGION, ACCOUNT_ID, lambdaConcurrency, credentials);
                cloud.started.push(cloud.lambda);
            }
            if (stepFunctions != null) {
                try {
                    cloud.stepFunctions = stepFunctions.start(cloud);
                } catch (Exception e) {
                    throw new LocalCloudException("Step Functions did not start: " + e.getMessage(), e);
                }
                cloud.started.push(cloud.stepFunctions);
            }
        }

        private static void closeAfterFailure(LocalCloud cloud, RuntimeException failure) {
            try {
                cloud.close();
            } catch (RuntimeException closing) {
                failure.addSuppressed(closing);
            }
        }
    }
}
