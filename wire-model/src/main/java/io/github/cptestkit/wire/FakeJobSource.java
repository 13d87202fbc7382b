package io.github.cptestkit.wire;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Where a mock takes fake jobs from when it is asked for some by preset rather than given them: the admin API's
 * {@code POST jobs} without job documents, the standalone mock's {@code --preset}, and the input zips of job
 * documents that come without their bytes. The fixtures module ({@code codepipeline-testkit-fixtures}) provides one,
 * drawn from Datafaker and registered with {@link ServiceLoader}; the mock itself depends on this interface only, so
 * a mock without the fixtures on its class path serves job documents and refuses orders of fake jobs.
 *
 * <pre>{@code
 * FakeJobSource fakes = FakeJobSource.installed(42).orElseThrow();
 * List<FakeThirdPartyJob> jobs = fakes.thirdPartyJobs(Preset.BUILD_WITH_SOURCE_ZIP, null, 0, 3);  // jobs 0, 1, 2
 * }</pre>
 */
public interface FakeJobSource {

    /** The seed a mock draws fake jobs from unless told another (CodePipeline's API version, 2015-07-09). */
    long DEFAULT_SEED = 20150709L;

    /**
     * Partner-action jobs {@code firstIndex}, {@code firstIndex + 1}, ... of the source's seed.
     *
     * @param preset     the preset, or {@code null} for the defaults
     * @param actionType category, provider and version of every job (the owner is ThirdParty), or {@code null} to
     *                   draw one per job
     * @param firstIndex the index of the first job in the seed's sequence, 0 or more
     * @param count      how many jobs, 1 or more
     * @return {@code count} distinct jobs, in index order
     * @throws IllegalArgumentException if {@code firstIndex} or {@code count} is out of range, or the preset does
     *                                  not fit partner-action jobs ({@link Preset#LAMBDA_INVOKE})
     */
    List<FakeThirdPartyJob> thirdPartyJobs(Preset preset, ActionTypeId actionType, long firstIndex, int count);

    /**
     * Custom-action jobs (Lambda invoke jobs with {@link Preset#LAMBDA_INVOKE}) {@code firstIndex}, ... of the
     * source's seed; the parameters as for {@link #thirdPartyJobs}, the owner Custom (AWS for Lambda).
     *
     * @param preset     the preset, or {@code null} for the defaults
     * @param actionType category, provider and version of every job, or {@code null} to draw one per job
     * @param firstIndex the index of the first job in the seed's sequence, 0 or more
     * @param count      how many jobs, 1 or more
     * @return {@code count} distinct jobs, in index order
     * @throws IllegalArgumentException if {@code firstIndex} or {@code count} is out of range
     */
    List<FakeCustomJob> customJobs(Preset preset, ActionTypeId actionType, long firstIndex, int count);

    /**
     * The {@code index}-th small source zip of the source's seed (a README, a buildspec, some code).
     *
     * @param index which zip of the seed's sequence, 0 or more; the same index gives the same bytes
     * @return the zip's bytes, a new array the caller may change
     * @throws IllegalArgumentException if {@code index} is negative
     */
    byte[] sourceZip(long index);

    /**
     * Makes the source of a seed: what a module of fake jobs registers with {@link ServiceLoader}, in
     * {@code META-INF/services/io.github.cptestkit.wire.FakeJobSource$Provider}.
     */
    interface Provider {
        /**
         * The source of {@code seed}: the same seed gives the same jobs.
         *
         * @param seed any value; {@link #DEFAULT_SEED} is the mock's default
         * @return the source of that seed
         */
        FakeJobSource withSeed(long seed);
    }

    /**
     * The source of {@code seed} of the first provider on the class path, or empty when there is none.
     *
     * @param seed the seed the jobs are drawn from; {@link #DEFAULT_SEED} is the mock's default
     * @return the source, or empty when no {@link Provider} is registered (the fixtures are not on the class path)
     */
    static Optional<FakeJobSource> installed(long seed) {
        return ServiceLoader.load(Provider.class, FakeJobSource.class.getClassLoader()).findFirst()
                .map(provider -> provider.withSeed(seed));
    }
}
