package avmon.local.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import avmon.local.LocalCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Signs requests with the AWS SDK's own SigV4 signer and checks that the verifier agrees. */
class SigV4VerifierTest {

    private static final LocalCredentials CREDENTIALS = LocalCredentials.DEFAULT;
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String BODY = "Action=Publish&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A000000000000%3At"
            + "&Message=hello+world%21";

    private final SigV4Verifier verifier = new SigV4Verifier(CREDENTIALS, Clock.fixed(NOW, ZoneOffset.UTC));

    private static SignedRequest signed(String accessKey, String secret, Instant at, String query, String body) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("http://127.0.0.1:4566/" + (query.isEmpty() ? "" : "?" + query)))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .build();
        SdkHttpRequest signedRequest = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKey, secret))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sns")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
        Map<String, List<String>> headers = new HashMap<>(signedRequest.headers());
        return new SignedRequest("POST", signedRequest.encodedPath(), signedRequest.encodedQueryParameters()
                .orElse(""), headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void verify_sdkSignedRequest_passes() {
        SignedRequest request = signed(CREDENTIALS.accessKeyId(), CREDENTIALS.secretAccessKey(), NOW, "", BODY);

        assertDoesNotThrow(() -> verifier.verify(request), "a request the SDK signed with the right key");
    }

    @Test
    void verify_sdkSignedRequestWithQuery_passes() {
        SignedRequest request = signed(CREDENTIALS.accessKeyId(), CREDENTIALS.secretAccessKey(), NOW,
                "b=2&a=x%20y&a=1", "");

        assertDoesNotThrow(() -> verifier.verify(request), "query parameters are sorted and re-encoded");
    }

    @Test
    void verify_bodyChangedWithoutHashHeader_throwsSignatureDoesNotMatch() {
        SignedRequest original = signed(CREDENTIALS.accessKeyId(), CREDENTIALS.secretAccessKey(), NOW, "", BODY);
        Map<String, List<String>> headers = new HashMap<>(original.headers());
        headers.remove("x-amz-content-sha256");
        SignedRequest tampered = new SignedRequest(original.method(), original.rawPath(), original.rawQuery(),
                headers, (BODY + "&Subject=x").getBytes(StandardCharsets.UTF_8));

        assertEquals("SignatureDoesNotMatch", assertThrows(SignatureRejectedException.class,
                () -> verifier.verify(tampered)).code(), "the body's hash is part of the signature");
    }

    @Test
    void verify_wrongSecret_throwsSignatureDoesNotMatch() {
        SignedRequest request = signed(CREDENTIALS.accessKeyId(), "wrong-secret", NOW, "", BODY);

        SignatureRejectedException error = assertThrows(SignatureRejectedException.class,
                () -> verifier.verify(request));
        assertEquals("SignatureDoesNotMatch", error.code(), "code");
        assertEquals(403, error.statusCode(), "status");
    }

    @Test
    void verify_bodyChangedAfterSigning_isRefused() {
        SignedRequest original = signed(CREDENTIALS.accessKeyId(), CREDENTIALS.secretAccessKey(), NOW, "", BODY);
        SignedRequest tampered = new SignedRequest(original.method(), original.rawPath(), original.rawQuery(),
                original.headers(), (BODY + "&Subject=x").getBytes(StandardCharsets.UTF_8));

        SignatureRejectedException error = assertThrows(SignatureRejectedException.class,
                () -> verifier.verify(tampered), "a changed body breaks the signature");
        String expected = original.firstHeader("X-Amz-Content-Sha256") == null
                ? "SignatureDoesNotMatch" : "XAmzContentSHA256Mismatch";
        assertEquals(expected, error.code(), "code");
    }

    @Test
    void verify_unknownAccessKey_throwsInvalidClientTokenId() {
        SignedRequest request = signed("someone", CREDENTIALS.secretAccessKey(), NOW, "", BODY);

        assertEquals("InvalidClientTokenId", assertThrows(SignatureRejectedException.class,
                () -> verifier.verify(request)).code(), "code");
    }

    @Test
    void verify_signedSixteenMinutesAgo_isExpired() {
        SignedRequest request = signed(CREDENTIALS.accessKeyId(), CREDENTIALS.secretAccessKey(),
                NOW.minus(Duration.ofMinutes(16)), "", BODY);

        SignatureRejectedException error = assertThrows(SignatureRejectedException.class,
                () -> verifier.verify(request));
        assertEquals("SignatureDoesNotMatch", error.code(), "code");
        assertEquals(true, error.getMessage().startsWith("Signature expired"), "message: " + error.getMessage());
    }

    @Test
    void verify_noOrMalformedAuthorization_isRefused() {
        SignedRequest unsigned = new SignedRequest("POST", "/", "", Map.of(), new byte[0]);
        SignedRequest garbled = new SignedRequest("POST", "/", "",
                Map.of("Authorization", List.of("AWS4-HMAC-SHA256 Credential=x")), new byte[0]);

        assertEquals("MissingAuthenticationToken", assertThrows(SignatureRejectedException.class,
                () -> verifier.verify(unsigned)).code(), "no Authorization header");
        assertEquals("IncompleteSignature", assertThrows(SignatureRejectedException.class,
                () -> verifier.verify(garbled)).code(), "a truncated Authorization header");
    }

    @Test
    void encode_reservedCharacters_arePercentEncodedUpperCase() {
        assertEquals("a%20b%2A~%3A%2F", SigV4Verifier.encode("a b*~:/"), "RFC 3986 with upper-case hex");
    }
}
