package io.github.cptestkit.mock.internal.pipelines;

import io.github.cptestkit.schemas.AwsError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list answer and the token of the next, for the control plane's list operations. Items are listed in
 * the order of a sort key; a token is the sort key of the next page's first item, encoded (opaque to clients, and
 * still valid when items came or went between the calls: the next page starts at the first key at or after it).
 *
 * <pre>{@code
 * Page<String> first = Page.of(List.of("a", "b", "c"), s -> s, null, 2);   // [a, b], token
 * Page<String> second = Page.of(List.of("a", "b", "c"), s -> s, first.nextToken(), 2);   // [c], no token
 * }</pre>
 *
 * @param items     the items of this page
 * @param nextToken the token of the next page, or {@code null} on the last
 * @param <T>       the item type
 */
public record Page<T>(List<T> items, String nextToken) {

    private static final String PREFIX = "cptestkit-page:";

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page of {@code sorted} (ascending by {@code key}) that starts at {@code token} (the first page for
     * {@code null}) and holds at most {@code size} items.
     *
     * @throws ControlPlaneRefusal InvalidNextTokenException for a token this method did not make
     */
    public static <T> Page<T> of(List<T> sorted, Function<T, String> key, String token, int size) {
        int from = 0;
        if (token != null) {
            String after = decode(token);
            while (from < sorted.size() && key.apply(sorted.get(from)).compareTo(after) < 0) {
                from++;
            }
        }
        int to = Math.min(sorted.size(), from + size);
        String next = to < sorted.size() ? encode(key.apply(sorted.get(to))) : null;
        return new Page<>(sorted.subList(from, to), next);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            text = "";
        }
        if (!text.startsWith(PREFIX)) {
            throw new ControlPlaneRefusal(AwsError.INVALID_NEXT_TOKEN, "The next token '" + shorten(token)
                    + "' is not one this endpoint gave: pass the nextToken of the previous answer unchanged, or omit"
                    + " it for the first page");
        }
        return text.substring(PREFIX.length());
    }

    private static String shorten(String token) {
        return token.length() <= 64 ? token : token.substring(0, 64) + "...";
    }
}
