package avmon.local.sns;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs each notification to an HTTP endpoint as SNS does: the notification JSON (or the bare message
 * when raw delivery is on) as {@code text/plain}, with SNS's {@code x-amz-sns-*} headers. A failed
 * attempt (an I/O error or a status other than 2xx) is retried twice at once, as SNS's first retries are.
 */
public final class HttpSubscriber implements Subscriber {

    static final int ATTEMPTS = 3;

    private final HttpClient client;
    private final URI endpoint;
    private final boolean rawDelivery;

    public HttpSubscriber(HttpClient client, URI endpoint, boolean rawDelivery) {
        this.client = client;
        this.endpoint = endpoint;
        this.rawDelivery = rawDelivery;
    }

    @Override
    public void deliver(Notification notification) throws IOException, InterruptedException {
        String body = rawDelivery ? notification.message() : notification.toJson().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .header("x-amz-sns-message-type", "Notification")
                .header("x-amz-sns-message-id", notification.messageId())
                .header("x-amz-sns-topic-arn", notification.topicArn())
                .header("x-amz-sns-subscription-arn", notification.subscriptionArn())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (rawDelivery) {
            request.header("x-amz-sns-rawdelivery", "true");
        }
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                last = new IOException(endpoint + " answered HTTP " + response.statusCode());
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }
}
