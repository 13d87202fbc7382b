package io.github.cptestkit.mock.internal.s3;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of an object or part: in memory, or in a temporary file once they pass the store's spill threshold.
 * Immutable until {@link #discard()}.
 */
sealed interface StoredContent permits StoredContent.InMemory, StoredContent.SpillFile {

    long size();

    /** {@code length} bytes from {@code offset}. */
    byte[] read(long offset, int length);

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
        public byte[] read(long offset, int length) {
            byte[] out = new byte[length];
            System.arraycopy(bytes, (int) offset, out, 0, length);
            return out;
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
        public byte[] read(long offset, int length) {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, offset + buffer.position()) < 0) {
                        throw new IOException("unexpected end of " + file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the artifact store's temporary file " + file, e);
            }
            return buffer.array();
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
