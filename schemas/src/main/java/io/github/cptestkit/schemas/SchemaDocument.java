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

    /** Checks the name is one of the generated documents. */
    public SchemaDocument {
        Objects.requireNonNull(fileName, "fileName");
        if (!fileName.endsWith(".schema.json") || fileName.contains("/")) {
            throw new IllegalArgumentException("schema document name must be a bare *.schema.json file name, but was '"
                    + fileName + "'; use SchemaDocument.input(op), output(op), error() or shapes()");
        }
    }

    /** The request schema of an operation. */
    public static SchemaDocument input(Operation operation) {
        return new SchemaDocument(SchemaGenerator.inputFile(operation.operationName()));
    }

    /** The success response schema of an operation. */
    public static SchemaDocument output(Operation operation) {
        return new SchemaDocument(SchemaGenerator.outputFile(operation.operationName()));
    }

    /** The error body schema, shared by every operation. */
    public static SchemaDocument error() {
        return new SchemaDocument(SchemaGenerator.ERROR_FILE);
    }

    /** The document holding every shape as a {@code $def}. */
    public static SchemaDocument shapes() {
        return new SchemaDocument(SchemaGenerator.SHAPES_FILE);
    }

    /** Every generated document: shapes, error, then each operation's input and output. */
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

    /** The document's {@code $id}. */
    public URI id() {
        return URI.create(SchemaGenerator.BASE_ID + fileName);
    }

    /** Where the document lies on the classpath. */
    public String resourcePath() {
        return RESOURCE_FOLDER + fileName;
    }
}
