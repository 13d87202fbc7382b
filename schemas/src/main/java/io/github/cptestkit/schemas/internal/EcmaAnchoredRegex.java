package io.github.cptestkit.schemas.internal;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * java.util.regex with ECMA-262's meaning of a final {@code $}: the end of the input. In Java a final {@code $}
 * also matches before a trailing line break, so {@code ^(?:[0-9]{12})$} would accept {@code "123456789012\n"},
 * which AWS rejects. The generated schemas end every pattern with {@code $}; this factory compiles that last
 * {@code $} as {@code \z}. Patterns are searched ({@code find}), as JSON Schema requires.
 */
public final class EcmaAnchoredRegex implements RegularExpressionFactory {

    public static final EcmaAnchoredRegex INSTANCE = new EcmaAnchoredRegex();

    private EcmaAnchoredRegex() {}

    @Override
    public RegularExpression getRegularExpression(String regex) {
        String javaRegex = regex.endsWith("$") && !regex.endsWith("\\$")
                ? regex.substring(0, regex.length() - 1) + "\\z"
                : regex;
        Pattern pattern = Pattern.compile(javaRegex);
        return value -> pattern.matcher(value).find();
    }
}
