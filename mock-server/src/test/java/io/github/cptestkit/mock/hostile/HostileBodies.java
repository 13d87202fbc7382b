package io.github.cptestkit.mock.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * The hostile bodies and headers every side gets: random bytes, invalid UTF-8, JSON nested 20,000 deep, JSON that is
 * not an object, numbers no service holds, content types of every kind, gzip bombs, chunked framing.
 *
 * <pre>{@code
 * HostileBodies.Hostile body = HostileBodies.malformedBody(random);
 * http.send("POST", "/", headers, body.bytes());   // describe() for the failure message
 * }</pre>
 */
final class HostileBodies {

    static final String JSON_TYPE = "application/x-amz-json-1.1";
    /** 100 MB of zeros, gzip-compressed to about 100 KB: what WireMock would have inflated in memory. */
    static final byte[] GZIP_BOMB = gzipBomb();

    private HostileBodies() {}

    /** One generated body with what it is, for the failure message. */
    record Hostile(String kind, byte[] bytes) {
        String describe() {
            return kind + ": " + HostileAnswers.shorten(new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    static Hostile malformedBody(Random random) {
        int kind = random.nextInt(10);
        if (kind < 4) {
            byte[] bytes = new byte[random.nextInt(4_097)];
            random.nextBytes(bytes);
            return new Hostile("random bytes", bytes);
        }
        if (kind < 7) {
            return invalidUtf8(random);
        }
        if (kind < 9) {
            return deeplyNested(random);
        }
        String text = Fuzz.pick(random, "\"text\"", "12", "[]", "null", "true", "[{}]", "1e400", "{\"jobId\":",
                "{\"jobId\" \"x\"}", "{} {}", "{\"a\":1,}", "{'jobId':'x'}", "\uFEFF{}", "{\"jobId\":\"\\uD800\"}",
                "{\"jobId\":\"\\u12\"}", "{\"jobId\":NaN}", "{\"a\":01}", "{\"jobId\":\"\u0000\"}");
        return new Hostile("not a JSON object: " + text, utf8(text));
    }

    static String contentType(Random random) {
        if (random.nextInt(4) == 0) {
            return Fuzz.text(random, random.nextInt(120), ' ', '~').trim();
        }
        return Fuzz.pick(random, "text/plain", "application/json", "application/x-amz-json-1.0",
                "multipart/form-data; boundary=xyz", "multipart/form-data", "application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=no-such-charset", "application/xml",
                JSON_TYPE + "; charset=latin1", JSON_TYPE + "; charset=no-such-charset", JSON_TYPE + "; charset=utf-8",
                JSON_TYPE + "; version=2", "APPLICATION/X-AMZ-JSON-1.1", "*/*", ";;;", "application/x-amz-json-1.1x",
                "application/octet-stream", JSON_TYPE + "; charset=\"UTF-8\"", JSON_TYPE + ";charset");
    }

    static Hostile invalidUtf8(Random random) {
        byte[][] sequences = {{(byte) 0xC3, 0x28}, {(byte) 0xA0, (byte) 0xA1}, {(byte) 0xE2, 0x28, (byte) 0xA1},
                {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
                {(byte) 0xE0, (byte) 0x80}};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(random.nextBoolean() ? "{\"jobId\": \"" : "{\""));
        out.writeBytes(utf8("a".repeat(random.nextInt(20))));
        out.writeBytes(sequences[random.nextInt(sequences.length)]);
        out.writeBytes(utf8("\": \"x\"}"));
        return new Hostile("invalid UTF-8", out.toByteArray());
    }

    static Hostile deeplyNested(Random random) {
        int depth = 1 + random.nextInt(20_000);
        String open;
        String close;
        switch (random.nextInt(3)) {
            case 0 -> {
                open = "[";
                close = "]";
            }
            case 1 -> {
                open = "{\"a\":";
                close = "}";
            }
            default -> {
                open = "{\"jobId\":[";
                close = "]}";
            }
        }
        boolean closed = random.nextBoolean();
        String text = open.repeat(depth) + "1" + (closed ? close.repeat(depth) : "");
        return new Hostile("nested " + depth + " deep" + (closed ? "" : ", unterminated"), utf8(text));
    }

    static String hugeNumber(Random random) {
        List<String> numbers = List.of("1e400", "-1e400", "1e-400", "1E+2147483648", "-0", "0.0", "1.0e309",
                BigInteger.TWO.pow(1000).toString(), BigInteger.TWO.pow(1000).negate().toString(),
                "9".repeat(999), "9".repeat(1_001), "0." + "0".repeat(2_000) + "1", "123.456e7890123456",
                "1" + "0".repeat(random.nextInt(5_000)));
        return numbers.get(random.nextInt(numbers.size()));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** 100 MB of zeros, gzip-compressed to about 100 KB: what WireMock would have inflated in memory. */
    private static byte[] gzipBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 100; i++) {
                zip.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }    /** The body in HTTP/1.1 chunked framing, 64 KiB a chunk. */
    static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < body.length; offset += 65_536) {
            int length = Math.min(65_536, body.length - offset);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, offset, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
