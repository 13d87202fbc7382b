package io.github.cptestkit.pact.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cptestkit.schemas.Constraint;
import io.github.cptestkit.schemas.MemberSchema;
import io.github.cptestkit.schemas.SchemaDocument;
import io.github.cptestkit.schemas.SchemaValidator;
import io.github.cptestkit.schemas.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with a request or answer body, told member by member: the schema's violations and, for answers,
 * members AWS never sends. The one check behind both the consumer DSL (which refuses to write such a body) and the
 * provider verification (which fails the interaction).
 *
 * <pre>{@code
 * BodyCheck.problems("response body", Operation.ACKNOWLEDGE_JOB.outputSchema(), json, true);
 * // ["response body /status: Member must satisfy enum value set: [Created, ...], but was 'Done'"]
 * }</pre>
 */
public final class BodyCheck {

    private BodyCheck() {}

    /**
     * The problems of {@code json} against {@code document}, each starting with {@code where} and the member's JSON
     * Pointer; {@code answer} also reports members the schema does not list (AWS never sends them, so a consumer
     * cannot expect them).
     */
    public static List<String> problems(String where, SchemaDocument document, JsonNode json, boolean answer) {
        List<String> problems = new ArrayList<>();
        for (Violation violation : SchemaValidator.shared().validate(document, json)) {
            problems.add(describe(where, violation));
        }
        if (answer) {
            unknownMembers(where, document, JsonPointer.empty(), json, problems);
        }
        return problems;
    }

    /** One violation as {@code <where> <pointer>: <requirement>, but was '<value>'}. */
    public static String describe(String where, Violation violation) {
        String at = violation.path().isEmpty() ? where : where + " " + violation.path();
        if (violation.constraint() == Constraint.REQUIRED) {
            return at + ": required member is missing";
        }
        if (violation.constraint() == Constraint.MALFORMED_JSON) {
            return at + ": " + violation.requirement();
        }
        return at + ": " + violation.requirement() + ", but was '" + violation.value() + "'";
    }

    private static void unknownMembers(String where, SchemaDocument document, JsonPointer at, JsonNode json,
            List<String> problems) {
        if (json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                unknownMembers(where, document, at.appendIndex(i), json.get(i), problems);
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonPointer path = at.appendProperty(member.getKey());
            if (SchemaValidator.shared().memberSchema(document, path.toString()).isPresent()) {
                unknownMembers(where, document, path, member.getValue(), problems);
            } else {
                List<String> known = SchemaValidator.shared().memberSchema(document, at.toString())
                        .map(MemberSchema::members).orElse(List.of());
                problems.add(where + " " + path + ": AWS never sends this member; the members here are " + known);
            }
        }
    }
}
