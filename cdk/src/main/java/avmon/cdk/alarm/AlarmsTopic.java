package avmon.cdk.alarm;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The topic a stack's alarms publish to, encrypted with a customer managed key (CloudWatch cannot publish to
 * a topic under the AWS managed SNS key), optionally with an e-mail subscription. The key can encrypt the
 * stack's other topics too: one key per stack.
 */
public final class AlarmsTopic extends Construct {

    private final Key key;
    private final Topic topic;

    /** @param email an address to subscribe, or {@code null} */
    public AlarmsTopic(Construct scope, String id, String email) {
        super(scope, id);
        this.key = Key.Builder.create(this, "Key")
                .description("Encrypts the avmon topics of " + scope.getNode().getPath())
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.DESTROY)
                .pendingWindow(Duration.days(7))
                .build();
        this.topic = Topic.Builder.create(this, "Topic").masterKey(key).enforceSsl(true).build();
        key.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey");
        if (email != null) {
            topic.addSubscription(new EmailSubscription(email));
        }
    }

    /** The key, for the stack's other topics. */
    public Key key() {
        return key;
    }

    public Topic topic() {
        return topic;
    }

    /** The alarm action that publishes here. */
    public SnsAction action() {
        return new SnsAction(topic);
    }
}
