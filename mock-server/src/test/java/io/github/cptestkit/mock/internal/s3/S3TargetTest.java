package io.github.cptestkit.mock.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.mock.internal.sigv4.SignedRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Path-style and virtual-hosted style addressing. */
class S3TargetTest {

    private static final Set<String> KNOWN = Set.of("artifacts", "my.dotted.bucket");

    @Test
    void aPathStyleRequestNamesTheBucketInItsFirstSegment() {
        S3Target target = resolve("localhost:8080", "/artifacts/pipeline/Source/a%20b%2Bc");

        assertThat(target).isEqualTo(new S3Target("artifacts", "pipeline/Source/a b+c", false));
        assertThat(target.resource()).isEqualTo("/artifacts/pipeline/Source/a b+c");
    }

    @Test
    void aHostUnderLocalhostNamesTheBucket() {
        assertThat(resolve("my.dotted.bucket.localhost:8080", "/key/x"))
                .isEqualTo(new S3Target("my.dotted.bucket", "key/x", true));
    }

    @Test
    void aHostWhoseLeadingLabelsAreAKnownBucketIsVirtualHosted() {
        assertThat(resolve("my.dotted.bucket.mock.internal:9000", "/k"))
                .isEqualTo(new S3Target("my.dotted.bucket", "k", true));
        assertThat(resolve("s3.mock.internal:9000", "/artifacts/k"))
                .isEqualTo(new S3Target("artifacts", "k", false));
    }

    @Test
    void anIpAddressIsAlwaysPathStyle() {
        assertThat(resolve("127.0.0.1:8080", "/artifacts")).isEqualTo(new S3Target("artifacts", "", false));
        assertThat(resolve("[::1]:8080", "/")).isEqualTo(new S3Target(null, "", false));
    }

    private static S3Target resolve(String host, String path) {
        return S3Target.resolve(SignedRequest.of("GET", path, Map.of("Host", List.of(host)), null), KNOWN::contains);
    }
}
