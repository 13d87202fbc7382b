package io.github.cptestkit.mock.internal.server;

import com.github.tomakehurst.wiremock.admin.NotFoundException;
import com.github.tomakehurst.wiremock.common.InputStreamSource;
import com.github.tomakehurst.wiremock.store.BlobStore;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * WireMock's store of response body files ({@code __files} under its files root) as its admin API's file routes
 * meet it: a file that cannot be listed, written or deleted (no {@code __files} folder, which is how most mocks run, or a
 * path outside it) is WireMock's {@link NotFoundException}, which its admin API answers with 404 as it answers
 * {@code GET /__admin/files/<missing>}, rather than a RuntimeException it answers with 500.
 *
 * <pre>{@code BlobStore files = new StubFiles(stores.getFilesBlobStore());}</pre>
 */
record StubFiles(BlobStore files) implements BlobStore {

    StubFiles {
        Objects.requireNonNull(files, "files");
    }

    @Override
    public Optional<InputStream> getStream(String key) {
        return files.getStream(key);
    }

    @Override
    public InputStreamSource getStreamSource(String key) {
        return files.getStreamSource(key);
    }

    @Override
    public Stream<String> getAllKeys() {
        return notFoundIfUnavailable(files::getAllKeys, "the files folder");
    }

    @Override
    public Optional<byte[]> get(String key) {
        return files.get(key);
    }

    @Override
    public void put(String key, byte[] content) {
        notFoundIfUnavailable(() -> {
            files.put(key, content);
            return null;
        }, "file " + key);
    }

    @Override
    public void remove(String key) {
        notFoundIfUnavailable(() -> {
            files.remove(key);
            return null;
        }, "file " + key);
    }

    @Override
    public void clear() {
        files.clear();
    }

    private static <T> T notFoundIfUnavailable(Supplier<T> action, String what) {
        try {
            return action.get();
        } catch (NotFoundException notFound) {
            throw notFound;
        } catch (RuntimeException unavailable) {
            throw new NotFoundException(what + " is not available under WireMock's files root ("
                    + unavailable.getClass().getSimpleName() + ")", unavailable);
        }
    }
}
