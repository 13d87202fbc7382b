package io.github.cptestkit.examples.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The worker's task: a report of the text files of the input artifacts (lines and words of each), written as
 * {@code report.json} and {@code report.txt} into a zip.
 *
 * <pre>{@code
 * Report report = Report.of("payments-build", List.of(inputZipBytes));
 * byte[] outputZip = report.toZip();
 * }</pre>
 *
 * @param title the report's title (the action's ProjectName)
 * @param files the text files, in the order they were read
 */
public record Report(String title, List<FileCount> files) {

    /**
     * One text file.
     *
     * @param name  its path inside its artifact
     * @param lines how many lines
     * @param words how many words (runs of non-whitespace)
     */
    public record FileCount(String name, long lines, long words) {}

    public Report {
        files = List.copyOf(files);
    }

    /**
     * The report of every text file (UTF-8, no NUL characters) in the zips.
     *
     * @throws IOException when an artifact is not a zip file
     */
    public static Report of(String title, List<byte[]> zips) throws IOException {
        List<FileCount> files = new ArrayList<>();
        for (byte[] zip : zips) {
            boolean any = false;
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    any = true;
                    if (!entry.isDirectory()) {
                        String text = text(in.readAllBytes());
                        if (text != null) {
                            files.add(new FileCount(entry.getName(), lines(text), words(text)));
                        }
                    }
                }
            }
            if (!any) {
                throw new IOException("an input artifact of " + zip.length + " bytes is not a zip file");
            }
        }
        return new Report(title, files);
    }

    public long lines() {
        return files.stream().mapToLong(FileCount::lines).sum();
    }

    public long words() {
        return files.stream().mapToLong(FileCount::words).sum();
    }

    /** One line, for the job's execution summary. */
    public String summary() {
        return "Report of " + files.size() + " files: " + lines() + " lines, " + words() + " words";
    }

    /** {@code report.json}. */
    public String json() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode().put("title", title).put("lines", lines()).put("words", words());
        ArrayNode list = root.putArray("files");
        files.forEach(f -> list.addObject().put("name", f.name()).put("lines", f.lines()).put("words", f.words()));
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code report.txt}. */
    public String text() {
        StringBuilder text = new StringBuilder(title).append('\n');
        files.forEach(f -> text.append(f.name()).append(": ").append(f.lines()).append(" lines, ")
                .append(f.words()).append(" words\n"));
        return text.append(summary()).append('\n').toString();
    }

    /** A zip of {@code report.json} and {@code report.txt}. */
    public byte[] toZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("report.json"));
            zip.write(json().getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("report.txt"));
            zip.write(text().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String text(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return text.indexOf('\0') >= 0 ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static long lines(String text) {
        return text.isEmpty() ? 0 : text.split("\n", -1).length - (text.endsWith("\n") ? 1 : 0);
    }

    private static long words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
