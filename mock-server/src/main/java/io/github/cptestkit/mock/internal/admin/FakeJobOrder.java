package io.github.cptestkit.mock.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.FakeJobSource;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.Job;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.ThirdPartyJobDetails;
import io.github.cptestkit.wire.WireFormat;
import io.github.cptestkit.mock.jobs.JobDocument;
import io.github.cptestkit.schemas.Constraint;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.SchemaValidator;
import io.github.cptestkit.schemas.Violation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An order for fake jobs drawn from a {@link FakeJobSource} (the fixtures', when they are on the class path): how many, of which kind and preset, optionally all of
 * one action type. The standalone command line ({@code --preset --count --kind --action-type}) and the admin API
 * ({@code POST jobs} with {@code preset}) both place orders through this class.
 *
 * <pre>{@code
 * FakeJobOrder order = new FakeJobOrder(Preset.BUILD_WITH_SOURCE_ZIP, Kind.THIRD_PARTY, 3, null);
 * List<JobDocument> jobs = order.build(FakeJobSource.installed(42).orElseThrow(), 0);   // jobs 0, 1, 2 of seed 42
 * }</pre>
 *
 * @param preset     the preset, or {@code null} for the generators' defaults
 * @param kind       third-party or custom ({@code null}: custom for {@link Preset#LAMBDA_INVOKE}, else third-party)
 * @param count      how many jobs, 1 or more
 * @param actionType category, provider and version for every job (the owner follows the kind), or {@code null}
 *                   to draw one per job
 */
public record FakeJobOrder(Preset preset, Kind kind, int count, ActionTypeId actionType) {

    /** The most jobs one order may queue. */
    public static final int MAX_COUNT = 1000;

    /** Which family of job operations the jobs are for. */
    public enum Kind {
        /** Partner actions: PollForThirdPartyJobs and the other ThirdParty operations. */
        THIRD_PARTY("third-party"),
        /** Custom actions (and Lambda invoke jobs with {@link Preset#LAMBDA_INVOKE}): PollForJobs and the others. */
        CUSTOM("custom");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name the command line and the admin API use. */
        public String label() {
            return label;
        }
    }

    /** Preset names, as {@code build-with-source-zip}. */
    public static final Map<String, Preset> PRESETS = AdminBody.names(Preset.values(),
            p -> AdminBody.choiceKey(p.name()));
    /** Kind names: {@code third-party}, {@code custom}. */
    public static final Map<String, Kind> KINDS = AdminBody.names(Kind.values(), Kind::label);

    /** The kind the jobs are of. */
    public Kind effectiveKind() {
        if (kind != null) {
            return kind;
        }
        return preset == Preset.LAMBDA_INVOKE ? Kind.CUSTOM : Kind.THIRD_PARTY;
    }

    /**
     * Problems with this order, as violations of the named members ({@code kind}, {@code actionTypeId}); empty
     * when it can be built.
     */
    public List<Violation> problems(String kindMember, String typeMember) {
        if (preset == Preset.LAMBDA_INVOKE && kind == Kind.THIRD_PARTY) {
            return List.of(new Violation("/" + kindMember, Constraint.OTHER, "Member must be custom for preset"
                    + " lambda-invoke (Lambda invoke jobs are custom-action jobs of owner AWS)", kind.label()));
        }
        if (preset == Preset.LAMBDA_INVOKE && actionType != null) {
            return List.of(new Violation("/" + typeMember, Constraint.OTHER, "Member must be absent for preset"
                    + " lambda-invoke, whose action type is Invoke/AWS/Lambda/1", actionType.provider()));
        }
        return List.of();
    }

    /** The jobs {@code firstIndex}, {@code firstIndex + 1}, ... of {@code source}'s seed. */
    public List<JobDocument> build(FakeJobSource source, long firstIndex) {
        return build(source, firstIndex, Map.of());
    }

    /**
     * As {@link #build(FakeJobSource, long)}, each job carrying {@code configuration} in its action configuration
     * (added to or replacing drawn properties): the value of its type's queryable property, say.
     */
    public List<JobDocument> build(FakeJobSource source, long firstIndex, Map<String, String> configuration) {
        if (effectiveKind() == Kind.THIRD_PARTY) {
            return source.thirdPartyJobs(preset, actionType, firstIndex, count).stream()
                    .map(job -> configuration.isEmpty() ? job : new FakeThirdPartyJob(job.clientId(),
                            job.clientToken(), new ThirdPartyJobDetails(job.details().id(),
                                    job.details().data().withConfiguration(configuration), job.details().nonce()),
                            job.artifacts()))
                    .<JobDocument>map(JobDocument.ThirdParty::new).toList();
        }
        return source.customJobs(preset, actionType, firstIndex, count).stream()
                .map(job -> configuration.isEmpty() ? job : new FakeCustomJob(new Job(job.job().id(),
                        job.job().data().withConfiguration(configuration), job.job().nonce(), job.job().accountId()),
                        job.artifacts()))
                .<JobDocument>map(JobDocument.Custom::new).toList();
    }

    /**
     * Reads {@code {"category": ..., "provider": ..., "version": ...}} (an owner, if given, must be the kind's)
     * as the action type of jobs of {@code kind}; violations go to {@code body} under {@code member}.
     */
    public static ActionTypeId actionType(JsonNode given, Kind kind, String member, AdminBody body) {
        if (!(given instanceof ObjectNode object)) {
            body.add(member, Constraint.TYPE, "Member must be of JSON type object ({category, provider, version})",
                    given.toString());
            return null;
        }
        String owner = kind == Kind.THIRD_PARTY ? ActionOwner.THIRD_PARTY.wire() : ActionOwner.CUSTOM.wire();
        if (object.hasNonNull("owner") && !owner.equals(object.get("owner").asText())) {
            body.add(member + "/owner", Constraint.OTHER, "Member must be " + owner + " for " + kind.label()
                    + " jobs, or absent", object.get("owner").asText());
            return null;
        }
        ObjectNode typed = object.deepCopy().put("owner", owner);
        ObjectNode poll = AdminBody.JSON.createObjectNode();
        poll.set("actionTypeId", typed);
        List<Violation> violations = SchemaValidator.shared().validateRequest(Operation.POLL_FOR_JOBS, poll);
        violations.forEach(v -> body.add(new Violation("/" + member + v.path().substring("/actionTypeId".length()),
                v.constraint(), v.requirement(), v.value())));
        if (!violations.isEmpty()) {
            return null;
        }
        return WireFormat.mapper().convertValue(typed, ActionTypeId.class);
    }

    /** {@code Build/MyCi/1} as {@code {"category": "Build", "provider": "MyCi", "version": "1"}}, unchecked. */
    public static ObjectNode actionTypeFromText(String text) {
        String[] parts = text.split("/", -1);
        ObjectNode node = AdminBody.JSON.createObjectNode();
        if (parts.length == 3) {
            node.put("category", capitalised(parts[0])).put("provider", parts[1]).put("version", parts[2]);
        }
        return node;
    }

    private static String capitalised(String word) {
        return Arrays.stream(ActionCategory.values()).map(ActionCategory::wire)
                .filter(wire -> wire.equalsIgnoreCase(word)).findFirst().orElse(word);
    }
}
