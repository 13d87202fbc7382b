package io.github.cptestkit.mock.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * What every answer to a hostile request must be: below 500, a well-formed error of the side's protocol (AWS JSON
 * with {@code __type} for the CodePipeline side and the admin API, S3's XML {@code <Error>} for the artifact
 * bucket), and no trace of a stack in its body.
 *
 * <pre>{@code JsonNode error = HostileAnswers.awsJsonError(answer, "random bytes");}</pre>
 */
final class HostileAnswers {

    /** What a stack trace leaves in text; none may appear in an answer. */
    static final List<String> STACK_MARKERS = List.of("Exception in thread", "\tat ", "java.", "Caused by");

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileAnswers() {}

    /** An error of the CodePipeline side: 4xx, {@code __type} also in {@code x-amzn-ErrorType}; its body. */
    static JsonNode awsJsonError(RawHttp.Answer answer, String request) {
        JsonNode body = jsonError(answer, request);
        assertThat(answer.header("Content-Type")).as("Content-Type of %s", request)
                .isEqualTo("application/x-amz-json-1.1");
        assertThat(answer.header("x-amzn-RequestId")).as("request id of %s", request).isNotBlank();
        return body;
    }

    /** An error of the admin API: 4xx, JSON {@code __type} also in {@code x-amzn-ErrorType}; its body. */
    static JsonNode adminError(RawHttp.Answer answer, String request) {
        JsonNode body = jsonError(answer, request);
        assertThat(answer.header("Content-Type")).as("Content-Type of %s", request).startsWith("application/json");
        return body;
    }

    /** The answer's body as JSON. */
    static JsonNode jsonBody(RawHttp.Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("the answer is not JSON: " + shorten(answer.text()), e);
        }
    }

    private static JsonNode jsonError(RawHttp.Answer answer, String request) {
        noStackTrace(answer, request);
        assertThat(answer.status()).as("status of %s: %s", request, answer.text()).isBetween(400, 499);
        JsonNode body = jsonBody(answer);
        assertThat(body.path("__type").asText()).as("__type of the answer to %s: %s", request,
                shorten(answer.text())).isNotBlank();
        assertThat(body.path("message").asText()).as("message of the answer to %s", request).isNotBlank();
        assertThat(answer.header("x-amzn-ErrorType")).as("x-amzn-ErrorType of %s", request)
                .isEqualTo(body.path("__type").asText());
        return body;
    }

    /**
     * An error of the artifact bucket: 4xx, an XML {@code <Error>} with a {@code <Code>} (no body for HEAD); its
     * code ({@code null} for HEAD).
     */
    static String s3Error(RawHttp.Answer answer, String method, String request) {
        noStackTrace(answer, request);
        assertThat(answer.status()).as("status of %s: %s", request, shorten(answer.text())).isBetween(400, 499);
        assertThat(answer.header("x-amz-request-id")).as("x-amz-request-id of %s", request).isNotBlank();
        if ("HEAD".equals(method)) {
            assertThat(answer.body()).as("body of %s", request).isEmpty();
            return null;
        }
        assertThat(answer.header("Content-Type")).as("Content-Type of %s", request).isEqualTo("application/xml");
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // fatal errors throw, nothing printed
            root = builder.parse(new ByteArrayInputStream(answer.body())).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("the answer to " + request + " is not XML: " + shorten(answer.text()), e);
        }
        assertThat(root.getTagName()).as("root element of the answer to %s", request).isEqualTo("Error");
        String code = root.getElementsByTagName("Code").item(0).getTextContent();
        assertThat(code).as("<Code> of the answer to %s", request).isNotBlank();
        assertThat(root.getElementsByTagName("Message").getLength()).as("<Message> of %s", request).isEqualTo(1);
        return code;
    }

    /** The body carries none of {@link #STACK_MARKERS}. */
    static void noStackTrace(RawHttp.Answer answer, String request) {
        String text = answer.text();
        for (String marker : STACK_MARKERS) {
            assertThat(text).as("the answer to %s shows a stack trace", request).doesNotContain(marker);
        }
    }

    /** Text for a failure message: at most 300 characters, control characters and lone surrogates escaped. */
    static String shorten(String text) {
        String cut = text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
        StringBuilder printable = new StringBuilder(cut.length());
        cut.chars().forEach(c -> printable.append(Character.isISOControl(c) || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return printable.toString();
    }
}
