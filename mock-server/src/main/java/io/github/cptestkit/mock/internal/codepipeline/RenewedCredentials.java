package io.github.cptestkit.mock.internal.codepipeline;

import io.github.cptestkit.wire.AwsSessionCredentials;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The new artifact credentials a job's details hand out when they are fetched again, in the shapes of STS's
 * temporary credentials and marked fake as AWS's documentation marks its examples: an access key id {@code ASIA} + 9
 * base32 characters + {@code EXAMPLE} (20 characters), a 40-character secret ending {@code EXAMPLEKEY}, a session
 * token starting {@code IQoJb3JpZ2luX2Vj} (as STS tokens do) and ending {@code EXAMPLE}. The same renewal number gives
 * the same set, so that a run can be repeated; the mock's own, since a mock without the fixtures renews too.
 *
 * <pre>{@code
 * AwsSessionCredentials fresh = RenewedCredentials.number(1);
 * }</pre>
 */
final class RenewedCredentials {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private RenewedCredentials() {
    }

    /** The {@code renewal}-th set a store hands out (1, 2, ...). */
    static AwsSessionCredentials number(long renewal) {
        SplittableRandom random = new SplittableRandom(0x5EED_C0DE_0000_0000L ^ renewal);
        return new AwsSessionCredentials("ASIA" + draw(random, BASE32, 9) + "EXAMPLE",
                draw(random, BASE64, 30) + "EXAMPLEKEY",
                "IQoJb3JpZ2luX2Vj" + draw(random, BASE64, 280 + random.nextInt(281)) + "EXAMPLE");
    }

    /** {@code length} characters of {@code alphabet} (32 or 64 of them), six or five random bits each. */
    private static String draw(SplittableRandom random, String alphabet, int length) {
        int bits = Integer.numberOfTrailingZeros(alphabet.length());
        byte[] text = new byte[length];
        long pool = 0;
        int left = 0;
        for (int i = 0; i < length; i++) {
            if (left < bits) {
                pool = random.nextLong();
                left = Long.SIZE;
            }
            text[i] = (byte) alphabet.charAt((int) (pool & (alphabet.length() - 1)));
            pool >>>= bits;
            left -= bits;
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }
}
