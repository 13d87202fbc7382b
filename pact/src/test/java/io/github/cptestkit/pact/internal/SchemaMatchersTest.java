package io.github.cptestkit.pact.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.schemas.MemberSchema;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.SchemaValidator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SchemaMatchersTest {

    static MemberSchema member(Operation operation, String pointer) {
        return SchemaValidator.shared().memberSchema(operation.outputSchema(), pointer).orElseThrow();
    }

    @Test
    void aRepeatedCharacterClassTakesItsLengthsAndOtherPatternsStayAsTheModelWritesThem() {
        String actionName = SchemaMatchers.regex(member(Operation.GET_JOB_DETAILS,
                "/jobDetails/data/pipelineContext/action/name"));
        assertThat(actionName).isEqualTo("[A-Za-z0-9.@\\-_]{1,100}");
        assertThat(Pattern.matches(actionName, "Build.Step@1")).isTrue();
        assertThat(Pattern.matches(actionName, "x".repeat(101))).isFalse();
        assertThat(SchemaMatchers.regex(member(Operation.GET_JOB_DETAILS, "/jobDetails/accountId")))
                .isEqualTo("[0-9]{12}");
    }

    @Test
    void lengthsAloneBoundAnyCharacterAndUnconstrainedStringsGetNoRegex() {
        String nonce = SchemaMatchers.regex(member(Operation.POLL_FOR_JOBS, "/jobs/0/nonce"));
        assertThat(nonce).isEqualTo("[\\s\\S]{1,50}");
        assertThat(Pattern.matches(nonce, "line one\nline two")).isTrue();
        assertThat(SchemaMatchers.regex(member(Operation.POLL_FOR_JOBS,
                "/jobs/0/data/inputArtifacts/0/location/s3Location/bucketName"))).isNull();
        assertThat(SchemaMatchers.regex(null)).isNull();
    }
}
