package avmon.aws.lambda;

import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the SDK clients a function uses, once per execution environment: the url-connection HTTP client
 * (the only one in the function jars), the region and endpoint overrides of the {@link FunctionSettings},
 * and interceptors such as a {@link avmon.aws.metering.RequestMeter}.
 */
public final class AwsClients {

    private final FunctionSettings settings;
    private final List<ExecutionInterceptor> interceptors;

    public AwsClients(FunctionSettings settings, List<ExecutionInterceptor> interceptors) {
        this.settings = settings;
        this.interceptors = List.copyOf(interceptors);
    }

    /**
     * An S3 client; path-style addressing and plain (not aws-chunked) request bodies when the endpoint is
     * overridden (S3Proxy, LocalStack). S3Proxy answers a PutObject before reading the end of an
     * aws-chunked body and then drops the connection (see avmon.local.s3.S3Server#clientConfiguration,
     * which this module cannot depend on), so a converter's put failed now and then and was retried.
     */
    public S3Client s3() {
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(overrides());
        if (settings.s3Endpoint() != null) {
            builder.endpointOverride(settings.s3Endpoint()).forcePathStyle(true)
                    .serviceConfiguration(c -> c.chunkedEncodingEnabled(false));
        }
        return builder.build();
    }

    /** An SNS client. */
    public SnsClient sns() {
        var builder = SnsClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(overrides());
        if (settings.snsEndpoint() != null) {
            builder.endpointOverride(settings.snsEndpoint());
        }
        return builder.build();
    }

    private ClientOverrideConfiguration overrides() {
        ClientOverrideConfiguration.Builder config = ClientOverrideConfiguration.builder();
        interceptors.forEach(config::addExecutionInterceptor);
        return config.build();
    }

    private AwsCredentialsProvider credentials() {
        if (settings.accessKeyId() != null) {
            return StaticCredentialsProvider.create(settings.sessionToken() == null
                    ? AwsBasicCredentials.create(settings.accessKeyId(), settings.secretKey())
                    : AwsSessionCredentials.create(settings.accessKeyId(), settings.secretKey(), settings.sessionToken()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
