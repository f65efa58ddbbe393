package avmon.local.sns;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * One SNS message attribute: a data type ({@code String}, {@code Number}, {@code Binary},
 * {@code String.Array}, each optionally with a {@code .custom} suffix) and its value.
 *
 * @param dataType    the data type
 * @param stringValue the value of a String, Number or String.Array attribute
 * @param binaryValue the value of a Binary attribute
 */
public record MessageAttribute(String dataType, String stringValue, byte[] binaryValue) {

    private static final Pattern TYPE = Pattern.compile("(String|Number|Binary|String\\.Array)(\\.[A-Za-z0-9_.-]+)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A String attribute. */
    public static MessageAttribute string(String value) {
        return new MessageAttribute("String", value, null);
    }

    /** A Number attribute. */
    public static MessageAttribute number(String value) {
        return new MessageAttribute("Number", value, null);
    }

    /** A Binary attribute. */
    public static MessageAttribute binary(byte[] value) {
        return new MessageAttribute("Binary", null, value.clone());
    }

    /** The base type: String, Number, Binary or String.Array. */
    public String baseType() {
        return dataType.startsWith("String.Array") ? "String.Array" : dataType.split("\\.")[0];
    }

    /** The value as it appears in a notification's JSON: text, or Base64 for Binary. */
    public String notificationValue() {
        return binaryValue != null ? Base64.getEncoder().encodeToString(binaryValue) : stringValue;
    }

    /** Bytes counted toward the 256 KB message size: name, type and value. */
    int size(String name) {
        int value = binaryValue != null ? binaryValue.length : stringValue.getBytes(StandardCharsets.UTF_8).length;
        return name.getBytes(StandardCharsets.UTF_8).length + dataType.getBytes(StandardCharsets.UTF_8).length + value;
    }

    /**
     * Checks the name and value as SNS does.
     *
     * @throws SnsException {@code ParameterValueInvalid} describing the first problem found
     */
    void validate(String name) {
        boolean reserved = name.toLowerCase().startsWith("aws.") || name.toLowerCase().startsWith("amazon.");
        if (!NAME.matcher(name).matches() || reserved || name.startsWith(".") || name.endsWith(".")
                || name.contains("..")) {
            throw SnsException.invalidValue("The message attribute name '" + name + "' is invalid.");
        }
        if (dataType == null || !TYPE.matcher(dataType).matches()) {
            throw SnsException.invalidValue("The message attribute '" + name + "' has an invalid message attribute"
                    + " type, the set of supported type prefixes is Binary, Number, and String.");
        }
        if ("Binary".equals(baseType())) {
            if (binaryValue == null || binaryValue.length == 0) {
                throw missingValue(name);
            }
            return;
        }
        if (stringValue == null || stringValue.isEmpty()) {
            throw missingValue(name);
        }
        if ("Number".equals(baseType())) {
            checkNumber(name);
        } else if ("String.Array".equals(baseType())) {
            checkArray(name);
        }
    }

    private SnsException missingValue(String name) {
        return SnsException.invalidValue("The message attribute '" + name + "' must contain non-empty message"
                + " attribute value for message attribute type '" + dataType + "'.");
    }

    private void checkNumber(String name) {
        try {
            new BigDecimal(stringValue.trim());
        } catch (NumberFormatException e) {
            throw SnsException.invalidValue("The message attribute '" + name + "' has an invalid numeric value: "
                    + stringValue);
        }
    }

    private void checkArray(String name) {
        try {
            if (!JSON.readTree(stringValue).isArray()) {
                throw new IllegalArgumentException("not an array");
            }
        } catch (Exception e) {
            throw SnsException.invalidValue("The message attribute '" + name + "' with type 'String.Array' must"
                    + " be a JSON array: " + stringValue);
        }
    }
}
