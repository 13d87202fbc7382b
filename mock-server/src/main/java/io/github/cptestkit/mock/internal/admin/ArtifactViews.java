package io.github.cptestkit.mock.internal.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.mock.internal.s3.ArtifactStore.ObjectBytes;
import io.github.cptestkit.mock.internal.s3.ObjectAttributes;
import io.github.cptestkit.mock.internal.s3.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The admin API's views of an output artifact, read from the artifact store as they are answered, never whole in the
 * heap: the headers its bytes are sent with (as S3 stored them), and its zip entries as JSON, read from a stream of
 * the stored bytes. An entry's content is shown up to {@value #MAX_ENTRY_CONTENT} bytes, and up to
 * {@value #MAX_VIEW_CONTENT} bytes for all the entries of one view; a larger entry is listed with its size and
 * {@code contentOmitted} saying why.
 *
 * <pre>{@code
 * ObjectBytes artifact = mock.outputArtifactBytes(jobId, "BuildOutput").orElseThrow();
 * ObjectNode view = ArtifactViews.entries(jobId, "BuildOutput", artifact); // {"entries": [{"name", "size", "text"}]}
 * }</pre>
 */
final class ArtifactViews {

    /** The most bytes of one entry's content a view shows. */
    static final int MAX_ENTRY_CONTENT = 1 << 20;
    /** The most bytes of entry content one view shows, all entries together. */
    static final int MAX_VIEW_CONTENT = 4 << 20;

    private ArtifactViews() {}

    /** The headers of the artifact's bytes: Content-Type, Content-Length, ETag and its encryption, as stored. */
    static Map<String, String> headers(StoredObject object) {
        ObjectAttributes attributes = object.attributes();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", attributes.contentType());
        headers.put("Content-Length", Long.toString(object.size()));
        headers.put("ETag", object.etag());
        headers.put("x-amz-server-side-encryption", attributes.serverSideEncryption());
        attributes.kmsKeyId().ifPresent(key -> headers.put("x-amz-server-side-encryption-aws-kms-key-id", key));
        return headers;
    }

    /**
     * The artifact's description and its zip entries (directories left out), in file order: each with its name, its
     * size, and its content as {@code text} (UTF-8) or {@code base64}, or {@code contentOmitted} past the bounds.
     *
     * @throws AdminRefusal 400 when the artifact is not a (readable) zip file
     */
    static ObjectNode entries(String jobId, String name, ObjectBytes artifact) {
        StoredObject object = artifact.object();
        ObjectAttributes attributes = object.attributes();
        ObjectNode view = AdminBody.JSON.createObjectNode().put("jobId", jobId).put("name", name)
                .put("bucket", object.bucket()).put("key", object.key()).put("size", object.size())
                .put("etag", object.etag()).put("contentType", attributes.contentType())
                .put("serverSideEncryption", attributes.serverSideEncryption())
                .put("kmsKeyId", attributes.kmsKeyId().orElse(null));
        ArrayNode list = view.putArray("entries");
        long budget = MAX_VIEW_CONTENT;
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        try (InputStream in = artifact.body().open(); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                int kept = (int) Math.min(MAX_ENTRY_CONTENT, budget);
                byte[] content = zip.readNBytes(kept + 1);
                long size = content.length + zip.transferTo(OutputStream.nullOutputStream());
                ObjectNode item = list.addObject().put("name", entry.getName()).put("size", size);
                if (size > kept) {
                    item.put("contentOmitted", (size > MAX_ENTRY_CONTENT ? "the entry is larger than "
                            + MAX_ENTRY_CONTENT + " bytes" : "the view shows at most " + MAX_VIEW_CONTENT
                            + " bytes of entry content") + "; read the artifact's bytes without ?format=entries");
                    continue;
                }
                budget -= size;
                try {
                    item.put("text", utf8.decode(ByteBuffer.wrap(content)).toString());
                } catch (CharacterCodingException binary) {
                    item.put("base64", Base64.getEncoder().encodeToString(content));
                }
            }
        } catch (IOException | UncheckedIOException unreadable) {
            throw notZip(jobId, name, object, " readable", ": " + unreadable.getMessage());
        }
        if (list.isEmpty() && object.size() > 0) {
            throw notZip(jobId, name, object, "", "");
        }
        return view;
    }

    private static AdminRefusal notZip(String jobId, String name, StoredObject object, String readable,
            String why) {
        return AdminRefusal.invalid("Output artifact " + name + " of job " + jobId + " is not a" + readable
                + " zip file (" + object.size() + " bytes" + why + "); read its bytes without ?format=entries");
    }
}
