package io.github.cptestkit.mock.internal.body;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * An answer's body that is sent as it is read, never held whole: a download's bytes, from memory or from a file.
 * The server {@linkplain #open() opens} it when it writes the answer; a body from a file reads through a channel
 * opened when the body was made, so that the file may be replaced or deleted meanwhile (a concurrent overwrite of the
 * object) without the download seeing it.
 *
 * <pre>{@code
 * StreamedBody body = StreamedBody.ofFile(file, 0, size);   // the file is opened now
 * try (InputStream in = body.open()) { in.transferTo(out); } // and closed once read
 * }</pre>
 */
public final class StreamedBody {

    private final long length;
    private final Supplier<InputStream> opener;

    private StreamedBody(long length, Supplier<InputStream> opener) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be 0 or more bytes, but was " + length);
        }
        this.length = length;
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /** {@code length} bytes of an array from {@code offset}, not copied (the array must not change). */
    public static StreamedBody ofBytes(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return new StreamedBody(length, () -> new ByteArrayInputStream(bytes, offset, length));
    }

    /**
     * {@code length} bytes of a file from {@code offset}. The file is opened now; it is closed once a stream of the
     * body was read to its end or failed (and, should no stream ever be read, when the body is collected).
     */
    public static StreamedBody ofFile(Path file, long offset, long length) {
        if (length == 0) {
            return ofBytes(new byte[0], 0, 0);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the stored file " + file, e);
        }
        return new StreamedBody(length, () -> new Slice(channel, offset, length));
    }

    /** The number of bytes. */
    public long length() {
        return length;
    }

    /** A stream of the bytes from the first; each call gives a new one. */
    public InputStream open() {
        return opener.get();
    }

    /** Every byte in one array: for bodies known to be small, and tests. */
    public byte[] readAll() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a streamed body", e);
        }
    }

    @Override
    public String toString() {
        return "StreamedBody[" + length + " bytes]";
    }

    /**
     * Part of a shared channel, read by position (streams of one channel do not disturb each other). The channel is
     * closed with the first stream that read to its end or failed: a stream that was opened and closed unread (to
     * look, not to send) leaves it open for the next.
     */
    private static final class Slice extends InputStream {
        private final FileChannel channel;
        private final long end;
        private long position;
        private boolean used;
        private final AtomicBoolean closed = new AtomicBoolean();

        Slice(FileChannel channel, long offset, long length) {
            this.channel = channel;
            this.position = offset;
            this.end = offset + length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            used = true;
            if (position >= end) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int wanted = (int) Math.min(length, end - position);
            int read;
            try {
                read = channel.read(ByteBuffer.wrap(buffer, offset, wanted), position);
            } catch (IOException e) {
                close();
                throw e;
            }
            if (read < 0) {
                throw new IOException("the stored file ended " + (end - position) + " bytes early");
            }
            position += read;
            return read;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, end - position);
        }

        @Override
        public void close() throws IOException {
            if (used && closed.compareAndSet(false, true)) {
                channel.close();
            }
        }
    }
}
