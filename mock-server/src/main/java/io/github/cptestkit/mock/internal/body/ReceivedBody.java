package io.github.cptestkit.mock.internal.body;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A request body, or bytes decoded from one: in memory up to a spill threshold, in a temporary file beyond it, so
 * that an upload of any size costs the heap a buffer, not its size. Written once through a {@link Writer} (which
 * computes the SHA-256 as the bytes go by), then read as often as needed; {@link #close()} deletes the file.
 *
 * <pre>{@code
 * ReceivedBody.Writer writer = ReceivedBody.writer(1 << 20);
 * writer.write(chunk, 0, length);                  // as the connection delivers it
 * try (ReceivedBody body = writer.finish()) {
 *     body.size(); body.sha256Hex();
 *     try (InputStream in = body.open()) { ... }
 * }
 * }</pre>
 *
 * <p>Thread-safe once finished.
 */
public final class ReceivedBody implements AutoCloseable {

    /** Bytes above which a body goes to a temporary file unless the writer is told otherwise. */
    public static final long DEFAULT_SPILL_THRESHOLD = 1024 * 1024;
    private static final ReceivedBody EMPTY = new ReceivedBody(new byte[0], null, 0, null);

    private final byte[] bytes;
    private final Path file;
    private final long size;
    private final Map<String, byte[]> digests = new ConcurrentHashMap<>();
    private volatile boolean owned = true;

    private ReceivedBody(byte[] bytes, Path file, long size, byte[] sha256) {
        this.bytes = bytes;
        this.file = file;
        this.size = size;
        if (sha256 != null) {
            digests.put("SHA-256", sha256);
        }
    }

    /** Bytes already in memory (not copied). */
    public static ReceivedBody of(byte[] bytes) {
        return bytes == null || bytes.length == 0 ? EMPTY : new ReceivedBody(bytes, null, bytes.length, null);
    }

    /** A writer that keeps up to {@code spillThreshold} bytes in memory and spills the rest to a temporary file. */
    public static Writer writer(long spillThreshold) {
        return new Writer(spillThreshold, -1);
    }

    /**
     * The same, for a body expected to be {@code expectedBytes} long (its Content-Length; -1 when unknown): a body of
     * that length kept in memory is not copied again.
     */
    public static Writer writer(long spillThreshold, long expectedBytes) {
        return new Writer(spillThreshold, expectedBytes);
    }

    /** The number of bytes. */
    public long size() {
        return size;
    }

    /** Whether the bytes are in memory (else in a temporary file). */
    public boolean inMemory() {
        return file == null;
    }

    /** The bytes from the start. */
    public InputStream open() {
        if (file == null) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the received body's temporary file " + file, e);
        }
    }

    /**
     * Every byte in one array: for bodies known to be small (XML documents, JSON calls). A spilled body is read
     * from its file; the caller bounds what it asks for with {@link #size()}.
     */
    public byte[] bytes() {
        if (file == null) {
            return bytes;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the received body's temporary file " + file, e);
        }
    }

    /** The digest of the bytes ({@code MD5}, {@code SHA-1}, {@code SHA-256}), computed once. */
    public byte[] digest(String algorithm) {
        return digests.computeIfAbsent(algorithm, name -> {
            MessageDigest digest = messageDigest(name);
            try (InputStream in = open()) {
                byte[] buffer = new byte[64 * 1024];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the received body", e);
            }
            return digest.digest();
        }).clone();
    }

    /** The SHA-256 of the bytes, in lower-case hex (what SigV4 calls the payload hash). */
    public String sha256Hex() {
        return HexFormat.of().formatHex(digest("SHA-256"));
    }

    /**
     * Moves a spilled body's file to {@code target} (the body no longer owns it: {@link #close()} leaves it), or
     * writes an in-memory body there.
     */
    public void moveTo(Path target) {
        try {
            if (file == null) {
                Files.write(target, bytes);
            } else {
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
                owned = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the received body to " + target, e);
        }
    }

    /** Deletes the temporary file, if any and still owned. */
    @Override
    public void close() {
        if (file != null && owned) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the received body's temporary file " + file, e);
            }
        }
    }

    /** Hides the bytes. */
    @Override
    public String toString() {
        return "ReceivedBody[" + size + " bytes" + (file == null ? "" : ", spilled") + "]";
    }

    static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no " + algorithm, e);
        }
    }

    /**
     * Takes the bytes as they arrive; {@link #finish()} gives the body, {@link #abort()} drops what was written.
     * Not thread-safe: one writer per body.
     */
    public static final class Writer extends OutputStream {
        private final long spillThreshold;
        /** The SHA-256 of what was written, once the body spills (an in-memory body's is computed when asked). */
        private MessageDigest sha256;
        private byte[] buffer = new byte[256];
        private int buffered;
        private Path file;
        private OutputStream out;
        private long size;

        private Writer(long spillThreshold, long expectedBytes) {
            if (spillThreshold < 0) {
                throw new IllegalArgumentException("spillThreshold must be 0 or more bytes, but was "
                        + spillThreshold);
            }
            this.spillThreshold = spillThreshold;
            if (expectedBytes >= 0 && expectedBytes <= Math.min(spillThreshold, 64 * 1024)) {
                buffer = new byte[(int) expectedBytes];
            }
        }

        /** How many bytes were written so far. */
        public long size() {
            return size;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            size += length;
            try {
                if (out == null && size > spillThreshold) {
                    file = Files.createTempFile("cptestkit-body-", ".bin");
                    out = Files.newOutputStream(file);
                    out.write(buffer, 0, buffered);
                    sha256 = messageDigest("SHA-256"); // hashed as it arrives: the file is not read again for it
                    sha256.update(buffer, 0, buffered);
                    buffer = null;
                }
                if (out != null) {
                    sha256.update(bytes, offset, length);
                    out.write(bytes, offset, length);
                    return;
                }
            } catch (IOException e) {
                abort();
                throw new UncheckedIOException("cannot write a received body to a temporary file"
                        + " (java.io.tmpdir: " + System.getProperty("java.io.tmpdir") + ")", e);
            }
            if (buffered + length > buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(Math.max(buffer.length * 2L, buffered + length),
                        Math.max(spillThreshold, buffered + length)));
            }
            System.arraycopy(bytes, offset, buffer, buffered, length);
            buffered += length;
        }

        /** The body written. */
        public ReceivedBody finish() {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException e) {
                    abort();
                    throw new UncheckedIOException("cannot write a received body to " + file, e);
                }
                return new ReceivedBody(null, file, size, sha256.digest());
            }
            return new ReceivedBody(buffered == buffer.length ? buffer : Arrays.copyOf(buffer, buffered), null, size,
                    null);
        }

        /** Drops what was written (deletes the temporary file). */
        public void abort() {
            try {
                if (out != null) {
                    out.close();
                }
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException ignored) {
                // best effort: the file is in the temporary directory
            }
            buffer = null;
            out = null;
        }

        @Override
        public void close() {
            // finish() or abort() end a writer
        }
    }
}
