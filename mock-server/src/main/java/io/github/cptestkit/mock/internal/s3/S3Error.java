package io.github.cptestkit.mock.internal.s3;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An S3 error answer: its code (with the HTTP status), its message and the extra elements S3 puts in the
 * {@code <Error>} document (such as {@code Key}, {@code BucketName} or {@code StringToSign}).
 */
final class S3Error extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final S3ErrorCode code;
    private final transient Map<String, String> details = new LinkedHashMap<>();

    S3Error(S3ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** Adds an element to the error document (ignored when the value is null). */
    S3Error with(String element, Object value) {
        if (value != null) {
            details.put(element, String.valueOf(value));
        }
        return this;
    }

    S3ErrorCode code() {
        return code;
    }

    Map<String, String> details() {
        return Collections.unmodifiableMap(details);
    }
}
