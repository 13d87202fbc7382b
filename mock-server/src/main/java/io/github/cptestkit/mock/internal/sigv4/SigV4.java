package io.github.cptestkit.mock.internal.sigv4;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pieces of AWS Signature Version 4 that a server needs: canonical URI, query and headers, the string to sign,
 * the signing key and HMAC-SHA256, as the SigV4 specification ("Create a signed AWS API request", AWS IAM user
 * guide) defines them. The artifact bucket signs its aws-chunked payloads' chunks with the same pieces.
 *
 * <pre>{@code
 * String signature = SigV4.signature(signingKey, SigV4.stringToSign(algorithm, amzDate, scope, hashedContent));
 * SigV4.sameSignature(signature, provided);   // in constant time
 * }</pre>
 */
public final class SigV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final HexFormat HEX = HexFormat.of();

    private SigV4() {}

    static byte[] hmacSha256(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    public static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    public static String sha256Hex(byte[] data) {
        return hex(digest("SHA-256").digest(data));
    }

    public static String sha256Hex(byte[] data, int offset, int length) {
        MessageDigest sha256 = digest("SHA-256");
        sha256.update(data, offset, length);
        return hex(sha256.digest());
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** The key derived from the secret for one day, region and service. */
    static byte[] signingKey(String secretAccessKey, CredentialScope scope) {
        byte[] key = hmacSha256(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), scope.date());
        key = hmacSha256(key, scope.region());
        key = hmacSha256(key, scope.service());
        return hmacSha256(key, CredentialScope.TERMINATOR);
    }

    public static String stringToSign(String algorithm, String amzDate, CredentialScope scope, String hashedContent) {
        return algorithm + "\n" + amzDate + "\n" + scope.value() + "\n" + hashedContent;
    }

    public static String signature(byte[] signingKey, String stringToSign) {
        return hex(hmacSha256(signingKey, stringToSign));
    }

    /** Constant-time comparison of two hex signatures. */
    public static boolean sameSignature(String expected, String provided) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                provided.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The canonical URI: for S3 each path segment URI-encoded once, without normalisation; for every other service
     * the normalised path, encoded twice (the SDKs' {@code doubleUrlEncode} and {@code normalizePath}).
     */
    static String canonicalUri(String rawPath, boolean s3) {
        String path = rawPath.isEmpty() ? "/" : rawPath;
        String once = uriEncode(percentDecode(path), true);
        if (s3) {
            return once;
        }
        String normalized = URI.create(once).normalize().getRawPath();
        if (normalized.isEmpty()) {
            normalized = "/";
        }
        return uriEncode(normalized, true);
    }

    /** The canonical query string: names and values encoded, sorted by name then value, without the excluded names. */
    static String canonicalQuery(String rawQuery, Set<String> excludedNames) {
        List<String[]> encoded = new ArrayList<>();
        for (String[] pair : queryPairs(rawQuery)) {
            String name = percentDecode(pair[0]);
            if (!excludedNames.contains(name)) {
                encoded.add(new String[] {uriEncode(name, false), uriEncode(percentDecode(pair[1]), false)});
            }
        }
        encoded.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder query = new StringBuilder();
        for (String[] pair : encoded) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(pair[0]).append('=').append(pair[1]);
        }
        return query.toString();
    }

    /** The raw {@code name=value} pairs of a query string, still encoded; a name without {@code =} has value "". */
    static List<String[]> queryPairs(String rawQuery) {
        List<String[]> pairs = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            pairs.add(equals < 0 ? new String[] {part, ""}
                    : new String[] {part.substring(0, equals), part.substring(equals + 1)});
        }
        return pairs;
    }

    /** A header value as SigV4 canonicalises it: trimmed, runs of spaces folded into one. */
    static String canonicalHeaderValue(String value) {
        return value.trim().replaceAll(" +", " ");
    }

    /** RFC 3986 encoding as SigV4 wants it: unreserved characters kept, the rest as upper-case %XX of UTF-8. */
    public static String uriEncode(String value, boolean keepSlash) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~' || (keepSlash && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Decodes %XX sequences (as UTF-8); a {@code +} stays a plus, a malformed escape stays as it is. */
    public static String percentDecode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[bytes.length];
        int length = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length
                    && Character.digit(bytes[i + 1], 16) >= 0 && Character.digit(bytes[i + 2], 16) >= 0) {
                out[length++] = (byte) ((Character.digit(bytes[i + 1], 16) << 4) + Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                out[length++] = bytes[i];
            }
        }
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }
}
