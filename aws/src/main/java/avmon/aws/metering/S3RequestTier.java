package avmon.aws.metering;

import java.util.Set;

/**
 * The price class of an S3 request, as AWS's billing names them ({@code Requests-Tier1},
 * {@code Requests-Tier2}): uploads, copies, lists and writes of configuration are Tier 1; reads and every
 * other request are Tier 2; deletes are free.
 */
public enum S3RequestTier {
    /** PUT, COPY, POST and LIST requests. */
    TIER_1,
    /** GET, SELECT, HEAD and every other request. */
    TIER_2,
    /** DELETE and cancelling a multipart upload are not charged. */
    FREE;

    private static final Set<String> FREE_OPERATIONS = Set.of(
            "DeleteObject", "DeleteObjects", "DeleteBucket", "AbortMultipartUpload");

    private static final Set<String> TIER_1_OPERATIONS = Set.of(
            "CopyObject", "UploadPartCopy", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload",
            "CreateBucket", "RestoreObject", "SelectObjectContent");

    /**
     * The tier of an S3 operation given by its API name ("PutObject", "GetObject", ...).
     * Every {@code Put*} and {@code List*} operation is Tier 1; deletes are free; the rest is Tier 2.
     */
    public static S3RequestTier of(String operation) {
        if (FREE_OPERATIONS.contains(operation)) {
            return FREE;
        }
        if (operation.startsWith("Put") || operation.startsWith("List") || TIER_1_OPERATIONS.contains(operation)) {
            return TIER_1;
        }
        return TIER_2;
    }
}
