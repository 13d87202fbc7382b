package io.github.cptestkit.junit.internal;

import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.fixtures.CustomJobBuilder;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobGenerator;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.fixtures.ThirdPartyJobBuilder;
import io.github.cptestkit.junit.FakeJob;
import io.github.cptestkit.junit.LambdaJob;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Builds the jobs {@code @FakeJob} describes with the fixtures' builders: what the annotation sets is set, the rest
 * comes from the preset and the seed. A setting the fixtures refuse is an {@link IllegalArgumentException} naming it.
 *
 * <pre>{@code List<FakeThirdPartyJob> jobs = FakeJobFactory.thirdParty(annotation, generator, 0, 1);}</pre>
 */
public final class FakeJobFactory {

    private FakeJobFactory() {}

    /** {@code count} third-party jobs, from job {@code index} of the generator's seed on. */
    public static List<FakeThirdPartyJob> thirdParty(FakeJob spec, FakeJobGenerator generator, long index,
            int count) {
        ThirdPartyJobBuilder b = generator.thirdParty().index(index);
        configure(spec, b::preset, b::category, b::provider, b::version, b::inputArtifacts, b::outputArtifacts,
                b::encrypted, b::configuration, b::continuationToken);
        return b.buildList(count);
    }

    /** {@code count} custom-action (or Lambda invoke) jobs, from job {@code index} of the generator's seed on. */
    public static List<FakeCustomJob> custom(FakeJob spec, FakeJobGenerator generator, long index, int count) {
        CustomJobBuilder b = generator.custom().index(index);
        configure(spec, b::preset, b::category, b::provider, b::version, b::inputArtifacts, b::outputArtifacts,
                b::encrypted, b::configuration, b::continuationToken);
        return b.buildList(count);
    }

    /**
     * A Lambda invoke job (preset LAMBDA_INVOKE) of function {@code spec.function()}, job {@code index} of the
     * generator's seed.
     */
    public static FakeCustomJob lambda(LambdaJob spec, FakeJobGenerator generator, long index) {
        CustomJobBuilder b = generator.custom().index(index).preset(Preset.LAMBDA_INVOKE)
                .configuration("FunctionName", spec.function());
        if (!spec.userParameters().isEmpty()) {
            b.configuration("UserParameters", spec.userParameters());
        }
        if (spec.inputArtifacts() >= 0) {
            b.inputArtifacts(spec.inputArtifacts());
        }
        if (spec.outputArtifacts() >= 0) {
            b.outputArtifacts(spec.outputArtifacts());
        }
        if (spec.encrypted()) {
            b.encrypted();
        }
        if (!spec.continuationToken().isEmpty()) {
            b.continuationToken(spec.continuationToken());
        }
        return b.build();
    }

    private static void configure(FakeJob spec, Consumer<Preset> preset, Consumer<ActionCategory> category,
            Consumer<String> provider, Consumer<String> version, IntConsumer inputs, IntConsumer outputs,
            Runnable encrypted, BiConsumer<String, String> configuration, Consumer<String> continuationToken) {
        if (spec.preset().length > 0) {
            preset.accept(single(spec.preset(), "preset"));
        }
        if (spec.category().length > 0) {
            category.accept(single(spec.category(), "category"));
        }
        if (!spec.provider().isEmpty()) {
            provider.accept(spec.provider());
        }
        if (!spec.version().isEmpty()) {
            version.accept(spec.version());
        }
        if (spec.inputArtifacts() >= 0) {
            inputs.accept(spec.inputArtifacts());
        }
        if (spec.outputArtifacts() >= 0) {
            outputs.accept(spec.outputArtifacts());
        }
        if (spec.encrypted()) {
            encrypted.run();
        }
        for (String property : spec.configuration()) {
            int equals = property.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("@FakeJob configuration entries must read \"Key=Value\", but one"
                        + " was \"" + property + "\"; write it as Key=Value");
            }
            configuration.accept(property.substring(0, equals), property.substring(equals + 1));
        }
        if (!spec.continuationToken().isEmpty()) {
            continuationToken.accept(spec.continuationToken());
        }
    }

    private static <T> T single(T[] values, String name) {
        if (values.length > 1) {
            throw new IllegalArgumentException("@FakeJob takes at most one " + name + ", but was given "
                    + values.length + "; give one");
        }
        return values[0];
    }
}
