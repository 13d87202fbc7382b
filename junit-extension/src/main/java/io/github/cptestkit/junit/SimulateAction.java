package io.github.cptestkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How the AWS-owned action {@link #action()} of stage {@link #stage()} in pipeline {@link #pipeline()} behaves in the
 * test's pipeline executions: the mock does not run CodeBuild, CodeDeploy, CloudFormation, S3 deploy or a source
 * action but simulates it, and by default it succeeds at once. With this annotation it runs for
 * {@link #durationSeconds()} on the mock's clock, then fails with {@link #failureMessage()} or succeeds with
 * {@link #outputVariables()}. The same as {@code mock.simulate(pipeline, stage, action, SimulatedAction...)} in Java
 * and {@code POST /__admin/codepipeline/pipelines/{name}/simulations} on the admin API, with the same names.
 *
 * <p>Planned before each test, after the reset (so also for a pipeline the test creates); on a class it holds for
 * each of its tests (and those of its {@code @Nested} classes). Repeatable; applied in the order declared: enclosing
 * classes first, then the class, then the method, so a method's annotation for the same action replaces its class's.
 * A value the mock would refuse fails the test before it runs, naming the attribute and the fix.
 *
 * <pre>{@code
 * @Test
 * @SimulateAction(pipeline = "release", stage = "Deploy", action = "DeployToProd",
 *         failureMessage = "stack rolled back", durationSeconds = 180)
 * @SimulateAction(pipeline = "release", stage = "Build", action = "Build", outputVariables = "IMAGE_TAG=1.4")
 * void aRolledBackDeploymentFailsTheRelease(CodePipelineMock mock, MockClock clock) { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(SimulateAction.List.class)
public @interface SimulateAction {

    /** The longest simulated run, in seconds (30 days, as the admin API allows). */
    long MAX_DURATION_SECONDS = 30L * 24 * 60 * 60;

    /**
     * The pipeline's name.
     *
     * @return the name of the pipeline the action is declared in, e.g. {@code "release"}
     */
    String pipeline();

    /**
     * The stage's name.
     *
     * @return the name of the stage the action is declared in, e.g. {@code "Deploy"}
     */
    String stage();

    /**
     * The action's name, as declared in the stage.
     *
     * @return the AWS-owned action's name, e.g. {@code "DeployToProd"}
     */
    String action();

    /**
     * How long it runs on the mock's clock before it succeeds or fails, in seconds (0, the default: at once).
     *
     * @return the simulated run's length in seconds, 0 to {@value #MAX_DURATION_SECONDS}
     */
    long durationSeconds() default 0;

    /**
     * The message the action fails with (its {@code errorDetails.message}, and the execution's status summary); empty
     * (the default): it succeeds.
     *
     * @return the failure's message, or empty for an action that succeeds
     */
    String failureMessage() default "";

    /**
     * The output variables it produces when it succeeds, each {@code "NAME=value"} (a source action's replace its
     * provider's); none by default.
     *
     * @return the variables as {@code NAME=value} pairs, each name once; empty for none
     */
    String[] outputVariables() default {};

    /** The container of repeated {@link SimulateAction}s. */
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @interface List {
        /**
         * The repeated annotations.
         *
         * @return the {@link SimulateAction}s, in the order declared
         */
        SimulateAction[] value();
    }
}
