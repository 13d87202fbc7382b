package io.github.cptestkit.mock.internal.s3;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a {@code Range: bytes=...} header (RFC 9110), before it is resolved against an object's size:
 * {@code bytes=10-19}, {@code bytes=10-} or the suffix {@code bytes=-10}.
 *
 * <pre>{@code ByteRange.parse("bytes=0-99").get().resolve(1000);   // [0, 99]}</pre>
 *
 * @param first  the first byte, or -1 for a suffix range
 * @param last   the last byte, or -1 for "to the end"
 * @param suffix the length of a suffix range, or -1
 */
public record ByteRange(long first, long last, long suffix) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /**
     * The range of a Range header; empty when absent, malformed or a multi-range, which S3 ignores (it then answers
     * the whole object with 200).
     */
    public static Optional<ByteRange> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = SINGLE.matcher(header.trim());
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (matcher.group(1).isEmpty()) {
                return Optional.of(new ByteRange(-1, -1, Long.parseLong(matcher.group(2))));
            }
            long first = Long.parseLong(matcher.group(1));
            long last = matcher.group(2).isEmpty() ? -1 : Long.parseLong(matcher.group(2));
            return last >= 0 && last < first ? Optional.empty() : Optional.of(new ByteRange(first, last, -1));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /**
     * The first and last byte of this range in an object of {@code size} bytes.
     *
     * @throws S3Error InvalidRange (416) when no byte of the object is in the range
     */
    long[] resolve(long size) {
        if (suffix >= 0) {
            if (suffix == 0 || size == 0) {
                throw unsatisfiable(size);
            }
            return new long[] {Math.max(0, size - suffix), size - 1};
        }
        if (first >= size) {
            throw unsatisfiable(size);
        }
        return new long[] {first, last < 0 ? size - 1 : Math.min(last, size - 1)};
    }

    private S3Error unsatisfiable(long size) {
        String requested = suffix >= 0 ? "bytes=-" + suffix : "bytes=" + first + "-" + (last < 0 ? "" : last);
        return S3ErrorCode.INVALID_RANGE.error().with("RangeRequested", requested).with("ActualObjectSize", size);
    }
}
