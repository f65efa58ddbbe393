package avmon.local.sns;

import java.util.Map;

/** Writes SNS's Query API answers: {@code <ActionResponse><ActionResult>...} or {@code <ErrorResponse>}. */
final class SnsXml {

    private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final StringBuilder xml = new StringBuilder();

    /** A response whose result element holds {@code resultBody}; an empty body gives no result element. */
    static String response(String action, String resultBody, String requestId) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\"?>\n<").append(action)
                .append("Response xmlns=\"").append(NAMESPACE).append("\">");
        if (resultBody != null) {
            out.append('<').append(action).append("Result>").append(resultBody).append("</").append(action)
                    .append("Result>");
        }
        out.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata></")
                .append(action).append("Response>");
        return out.toString();
    }

    static String error(String code, String message, boolean senderFault, String requestId) {
        return "<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>"
                + (senderFault ? "Sender" : "Receiver") + "</Type><Code>" + escape(code) + "</Code><Message>"
                + escape(message) + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
    }

    SnsXml element(String name, String text) {
        if (text != null) {
            xml.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append('>');
        }
        return this;
    }

    SnsXml open(String name) {
        xml.append('<').append(name).append('>');
        return this;
    }

    SnsXml close(String name) {
        xml.append("</").append(name).append('>');
        return this;
    }

    SnsXml entries(String name, Map<String, String> map) {
        open(name);
        map.forEach((key, value) -> open("entry").element("key", key).element("value", value).close("entry"));
        return close(name);
    }

    @Override
    public String toString() {
        return xml.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;");
                case '\n', '\t' -> out.append(c);
                // XML 1.0 cannot carry other control characters, not even as references.
                default -> out.append(c < 0x20 ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
