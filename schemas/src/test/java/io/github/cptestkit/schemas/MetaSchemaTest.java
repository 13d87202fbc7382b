package io.github.cptestkit.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MetaSchemaTest {

    static final JsonSchema META = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    static Iterable<SchemaDocument> documents() {
        return SchemaDocument.all();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyGeneratedDocumentIsAValid2020_12Schema(SchemaDocument document) {
        Set<ValidationMessage> problems = META.validate(SchemaValidator.shared().schemaJson(document));
        assertThat(problems).as("meta-schema violations of %s", document.fileName()).isEmpty();
        assertThat(SchemaValidator.shared().schemaJson(document).path("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @org.junit.jupiter.api.Test
    void theMetaSchemaRejectsABrokenSchemaSoTheCheckAboveCanFail() {
        var broken = SchemaValidator.shared().schemaJson(SchemaDocument.error());
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).put("type", "integer-ish");
        assertThat(META.validate(broken)).isNotEmpty();
    }
}
