package io.github.cptestkit.mock.internal.s3;

import io.github.cptestkit.mock.internal.body.StreamedBody;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of an object or part: in memory, or in a temporary file once they pass the store's spill threshold.
 * Immutable until {@link #discard()}.
 */
sealed interface StoredContent permits StoredContent.InMemory, StoredContent.SpillFile {

    long size();

    /**
     * {@code length} bytes from {@code offset}, to send as they are read (a file's is opened now: call it under the
     * store's read lock, and a later overwrite does not disturb it).
     */
    StreamedBody stream(long offset, long length);

    /** Copies every byte to {@code out}. */
    void writeTo(OutputStream out) throws IOException;

    /** Frees the bytes (deletes the file); the content must not be read afterwards. */
    void discard();

    /** Bytes held in memory. */
    record InMemory(byte[] bytes) implements StoredContent {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public StreamedBody stream(long offset, long length) {
            return StreamedBody.ofBytes(bytes, Math.toIntExact(offset), Math.toIntExact(length));
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }

        @Override
        public void discard() {
            // the garbage collector frees it
        }
    }

    /** Bytes in a temporary file that the store owns. */
    record SpillFile(Path file, long size) implements StoredContent {
        @Override
        public StreamedBody stream(long offset, long length) {
            return StreamedBody.ofFile(file, offset, length);
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            Files.copy(file, out);
        }

        @Override
        public void discard() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the artifact store's temporary file " + file, e);
            }
        }
    }
}
