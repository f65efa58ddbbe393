package avmon.cli.monitor;

import avmon.cli.UserError;
import avmon.local.s3.S3Server;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import picocli.CommandLine.Option;

/**
 * The monitor's AWS clients, for {@code s3://} sources and {@code --notify sns:ARN}: credentials and region
 * from the default AWS chain (environment, system properties, profile, role), endpoints AWS's own unless
 * given, such as the local cloud's.
 */
public final class AwsOptions {

    /** No S3 or SNS call may hold a stream's worker longer than this. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** Where requests go when the chain names no region; S3 then follows a bucket to its own region. */
    private static final Region FALLBACK_REGION = Region.US_EAST_1;

    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "S3 endpoint for s3:// sources, addressed path-style, e.g. the local cloud's (default: AWS).")
    String s3Endpoint;

    @Option(names = "--sns-endpoint", paramLabel = "URL",
            description = "SNS endpoint for --notify sns:ARN, e.g. the local cloud's (default: AWS).")
    String snsEndpoint;

    /**
     * Checks that the endpoints given are URLs, so that a typo is a usage error even when nothing uses them.
     *
     * @throws UserError (usage) naming the option
     */
    void validate() {
        endpoint("--s3-endpoint", s3Endpoint);
        endpoint("--sns-endpoint", snsEndpoint);
    }

    /** Where S3 requests go: the given endpoint, or "AWS". */
    String s3Target() {
        return s3Endpoint == null ? "AWS" : s3Endpoint;
    }

    /** Where SNS requests go: the given endpoint, or "AWS". */
    String snsTarget() {
        return snsEndpoint == null ? "AWS" : snsEndpoint;
    }

    /**
     * An S3 client in the chain's region, path-style against {@code --s3-endpoint}, with plain request
     * bodies there: S3Proxy drops the connection of an aws-chunked upload (see S3Server#clientConfiguration).
     *
     * @throws UserError (usage) for an endpoint that is not a URL, (input) when there are no credentials
     */
    S3Client s3() {
        URI endpoint = endpoint("--s3-endpoint", s3Endpoint);
        var builder = S3Client.builder()
                .region(region())
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT));
        if (endpoint != null) {
            builder.endpointOverride(endpoint).forcePathStyle(true).serviceConfiguration(S3Server.clientConfiguration());
        } else {
            builder.crossRegionAccessEnabled(true);
        }
        return builder.build();
    }

    /**
     * An SNS client for a topic in {@code region} (the topic ARN's), against {@code --sns-endpoint} if given.
     *
     * @throws UserError (usage) for an endpoint that is not a URL, (input) when there are no credentials
     */
    SnsClient sns(String region) {
        URI endpoint = endpoint("--sns-endpoint", snsEndpoint);
        var builder = SnsClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    private static URI endpoint(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with what is expected
        }
        throw new UserError(option + " '" + value + "': expected an http(s) URL such as http://127.0.0.1:4566", 2);
    }

    private static Region region() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            return FALLBACK_REGION;
        }
    }

    /** The default chain, asked once now so that missing credentials are one clear error before anything starts. */
    private static AwsCredentialsProvider credentials() {
        AwsCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
        try {
            chain.resolveCredentials();
        } catch (SdkClientException e) {
            throw new UserError("no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (for a local"
                    + " cloud, the pair it checks signatures with), or AWS_PROFILE, or run with a role");
        }
        return chain;
    }
}
