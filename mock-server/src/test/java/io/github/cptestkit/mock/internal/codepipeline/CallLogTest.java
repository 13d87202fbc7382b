package io.github.cptestkit.mock.internal.codepipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.mock.jobs.RecordedCall;
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
        List<RecordedCall> recorded = record(log, CallLog.MAX_CALLS);

        assertThat(log.toList()).containsExactlyElementsOf(recorded);
        assertThat(new CallLog().toList()).isEmpty();
    }

    @Test
    void beyondItsBoundAJobKeepsItsLastCallsOldestFirst() {
        CallLog log = new CallLog();
        List<RecordedCall> recorded = record(log, 2 * CallLog.MAX_CALLS + 7);

        assertThat(log.toList()).hasSize(CallLog.MAX_CALLS)
                .containsExactlyElementsOf(recorded.subList(recorded.size() - CallLog.MAX_CALLS, recorded.size()));
    }

    private static List<RecordedCall> record(CallLog log, int calls) {
        List<RecordedCall> recorded = new ArrayList<>();
        Instant at = Instant.parse("2026-01-01T00:00:00.123456789Z");
        for (int i = 0; i < calls; i++) {
            Operation operation = Operation.values()[i % Operation.values().length];
            AwsError error = i % 3 == 0 ? null : AwsError.values()[i % AwsError.values().length];
            RecordedCall call = new RecordedCall(operation, at.plusNanos(i * 1_000_003L), error);
            recorded.add(call);
            log.add(call.operation(), call.at(), call.error());
        }
        return recorded;
    }
}
