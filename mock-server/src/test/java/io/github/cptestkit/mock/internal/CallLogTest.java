package io.github.cptestkit.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.mock.RecordedCall;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallLogTest {

    @Test
    void everyCallComesBackAsRecordedInOrderWithItsInstantAndError() {
        CallLog log = new CallLog();
        List<RecordedCall> recorded = new ArrayList<>();
        Instant at = Instant.parse("2026-01-01T00:00:00.123456789Z");
        for (int i = 0; i < 1_000; i++) {
            Operation operation = Operation.values()[i % Operation.values().length];
            AwsError error = i % 3 == 0 ? null : AwsError.values()[i % AwsError.values().length];
            RecordedCall call = new RecordedCall(operation, at.plusNanos(i * 1_000_003L), error);
            recorded.add(call);
            log.add(call.operation(), call.at(), call.error());
        }

        assertThat(log.toList()).containsExactlyElementsOf(recorded);
        assertThat(new CallLog().toList()).isEmpty();
    }
}
