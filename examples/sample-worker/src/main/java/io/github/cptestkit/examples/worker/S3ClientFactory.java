package io.github.cptestkit.examples.worker;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Makes the S3 client a job's artifacts are read and written with, from the job's temporary
 * {@code artifactCredentials}. The worker closes each client it gets when the job is done.
 *
 * <pre>{@code
 * S3ClientFactory production = credentials -> S3Client.builder()
 *         .region(Region.EU_WEST_1)
 *         .credentialsProvider(StaticCredentialsProvider.create(credentials))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface S3ClientFactory {

    /** A new client signing with {@code credentials}. */
    S3Client create(AwsSessionCredentials credentials);
}
