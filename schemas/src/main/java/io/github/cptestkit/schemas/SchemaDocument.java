package io.github.cptestkit.schemas;

import io.github.cptestkit.schemas.internal.SchemaGenerator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One generated JSON Schema document, shipped on the classpath under {@value #RESOURCE_FOLDER}.
 *
 * <pre>{@code
 * SchemaDocument doc = SchemaDocument.input(Operation.PUT_JOB_SUCCESS_RESULT);
 * doc.fileName();      // "PutJobSuccessResult.input.schema.json"
 * doc.resourcePath();  // "io/github/cptestkit/schemas/2015-07-09/PutJobSuccessResult.input.schema.json"
 * JsonNode schema = SchemaValidator.shared().schemaJson(doc);
 * }</pre>
 *
 * @param fileName the document's file name, e.g. {@code shapes.schema.json}
 */
public record SchemaDocument(String fileName) {

    /** Classpath folder of every document. */
    public static final String RESOURCE_FOLDER = "io/github/cptestkit/schemas/2015-07-09/";

    /**
     * Checks the name has the form of a generated document's.
     *
     * @param fileName a bare file name ending in {@code .schema.json}, without a folder
     * @throws NullPointerException     if {@code fileName} is null
     * @throws IllegalArgumentException if it contains a {@code /} or does not end in {@code .schema.json}
     */
    public SchemaDocument {
        Objects.requireNonNull(fileName, "fileName");
        if (!fileName.endsWith(".schema.json") || fileName.contains("/")) {
            throw new IllegalArgumentException("schema document name must be a bare *.schema.json file name, but was '"
                    + fileName + "'; use SchemaDocument.input(op), output(op), error() or shapes()");
        }
    }

    /**
     * The request schema of an operation.
     *
     * @param operation the operation, not null
     * @return the document {@code <Name>.input.schema.json}
     */
    public static SchemaDocument input(Operation operation) {
        return new SchemaDocument(SchemaGenerator.inputFile(operation.operationName()));
    }

    /**
     * The success response schema of an operation.
     *
     * @param operation the operation, not null
     * @return the document {@code <Name>.output.schema.json}
     */
    public static SchemaDocument output(Operation operation) {
        return new SchemaDocument(SchemaGenerator.outputFile(operation.operationName()));
    }

    /**
     * The error body schema, shared by every operation.
     *
     * @return the document that describes {@code __type} and {@code message}
     */
    public static SchemaDocument error() {
        return new SchemaDocument(SchemaGenerator.ERROR_FILE);
    }

    /**
     * The document holding every shape as a {@code $def}.
     *
     * @return the document the operations' schemas refer to
     */
    public static SchemaDocument shapes() {
        return new SchemaDocument(SchemaGenerator.SHAPES_FILE);
    }

    /**
     * Every generated document: shapes, error, then each operation's input and output.
     *
     * @return an immutable list, operations in {@link Operation} order
     */
    public static List<SchemaDocument> all() {
        List<SchemaDocument> all = new ArrayList<>();
        all.add(shapes());
        all.add(error());
        for (Operation op : Operation.values()) {
            all.add(input(op));
            all.add(output(op));
        }
        return List.copyOf(all);
    }

    /**
     * The document's {@code $id}, which the schemas' {@code $ref}s use.
     *
     * @return an absolute {@code https} URI ending in the file name; the validator reads it from the classpath,
     *         never from the network
     */
    public URI id() {
        return URI.create(SchemaGenerator.BASE_ID + fileName);
    }

    /**
     * Where the document lies on the classpath.
     *
     * @return {@value #RESOURCE_FOLDER} and the file name, without a leading slash (for
     *         {@link ClassLoader#getResource(String)})
     */
    public String resourcePath() {
        return RESOURCE_FOLDER + fileName;
    }
}
