package io.github.cptestkit.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.WireFormat;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.SchemaValidator;
import io.github.cptestkit.schemas.Violation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Schema validation of the documents the emulator checks on every GetThirdPartyJobDetails call, the request
 * ({@code {"jobId", "clientToken"}}) and the answer (a whole job: artifacts, credentials, key), pre-parsed and from
 * text, against Jackson parsing the same text alone.
 *
 * <pre>{@code
 * java -cp "$(cat benchmarks/target/run-classpath.txt):benchmarks/target/classes" org.openjdk.jmh.Main \
 *     ValidationBenchmark -p document=response
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ValidationBenchmark {

    @Param({"request", "response"})
    public String document;

    private final SchemaValidator validator = SchemaValidator.shared();
    private final ObjectMapper mapper = new ObjectMapper();
    private Operation operation;
    private boolean response;
    private String text;
    private JsonNode tree;

    @Setup
    public void setUp() throws JsonProcessingException {
        FakeThirdPartyJob job = BenchJobs.job(0);
        operation = Operation.GET_THIRD_PARTY_JOB_DETAILS;
        response = document.equals("response");
        text = response ? WireFormat.toJson(Map.of("jobDetails", job.details()))
                : BenchJobs.detailsRequest(job.jobId());
        tree = mapper.readTree(text);
        List<Violation> violations = validate(tree);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the benchmark's " + document + " must be valid: " + violations);
        }
    }

    private List<Violation> validate(JsonNode json) {
        return response ? validator.validateResponse(operation, json) : validator.validateRequest(operation, json);
    }

    @Benchmark
    public List<Violation> validatePreParsed() {
        return validate(tree);
    }

    @Benchmark
    public List<Violation> validateFromString() {
        return response ? validator.validateResponse(operation, text) : validator.validateRequest(operation, text);
    }

    @Benchmark
    public JsonNode jacksonParseAlone() throws JsonProcessingException {
        return mapper.readTree(text);
    }
}
