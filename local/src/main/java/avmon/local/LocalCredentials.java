package avmon.local;

import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The static access key pair that every local service checks request signatures against.
 *
 * @param accessKeyId     the access key id clients sign with
 * @param secretAccessKey the secret key clients sign with
 */
public record LocalCredentials(String accessKeyId, String secretAccessKey) {

    /** The pair a {@link LocalCloud} uses unless told otherwise. */
    public static final LocalCredentials DEFAULT = new LocalCredentials("avmonlocal", "avmonlocalsecret");

    public LocalCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("access key id and secret key must not be blank");
        }
    }

    /** A provider for AWS SDK v2 clients. */
    public AwsCredentialsProvider provider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    @Override
    public String toString() {
        // Keeps the secret out of logs and assertion messages.
        return "LocalCredentials[accessKeyId=" + accessKeyId + "]";
    }
}
