package io.github.cptestkit.junit.internal.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Calls a handler with an event's bytes as the Java runtime does: a {@link RequestStreamHandler} reads the bytes
 * and writes its answer; a {@link RequestHandler} gets its input type deserialized (with
 * the user's {@link CustomPojoSerializer} if the handler's class loader has one as a service, else
 * aws-lambda-java-serialization: its event serializers for a Lambda events class, its Jackson configuration for
 * anything else, a {@code Map<String, Object>} or the user's own POJO) and its output serialized the same way.
 * What the handler throws is thrown on, unwrapped.
 *
 * <p>That Jackson is relocated inside aws-lambda-java-serialization, so it reads none of the user's own Jackson
 * annotations, and a bean property cannot be named {@code CodePipeline.job}: a POJO handler receives the job only
 * if its POJO is a {@code Map} (or a subclass), or through a {@code CustomPojoSerializer}, exactly as in Lambda.
 *
 * <pre>{@code
 * byte[] answer = HandlerCall.call(new MyHandler(), eventJson, context);   // "\"ok\"" for a String "ok"
 * }</pre>
 */
public final class HandlerCall {

    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.UTF_8);

    private HandlerCall() {}

    /**
     * A new instance of {@code handlerClass} through its public no-argument constructor, as the runtime makes the
     * handler named by {@code _HANDLER}; its constructor's exception is thrown on.
     */
    public static Object instantiate(Class<?> handlerClass) throws Throwable {
        requireHandler(handlerClass);
        Constructor<?> constructor;
        try {
            constructor = handlerClass.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("handler class " + handlerClass.getName() + " needs a public"
                    + " constructor without arguments, as the Lambda Java runtime makes it; add one, or pass an"
                    + " instance");
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Calls {@code handler} (a RequestHandler or RequestStreamHandler) with {@code event}; answers its output. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static byte[] call(Object handler, byte[] event, Context context) throws Throwable {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(event, "event");
        requireHandler(handler.getClass());
        if (handler instanceof RequestStreamHandler stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream(event), out, context);
            return out.toByteArray();
        }
        RequestHandler requestHandler = (RequestHandler) handler;
        if (handler.getClass().isSynthetic() || handler.getClass().getName().contains("$$Lambda")) {
            throw new IllegalArgumentException("the handler is a lambda expression, whose RequestHandler<I, O> types"
                    + " are erased, so its event could not be deserialized (the Java runtime, too, reads them from"
                    + " the handler's class); write the handler as a class that implements RequestHandler<I, O>");
        }
        Type[] types = requestHandlerTypes(handler.getClass());
        ClassLoader loader = handler.getClass().getClassLoader();
        Object input;
        try {
            input = types[0] == null ? null
                    : serializer(types[0], loader).fromJson(new ByteArrayInputStream(event));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("An error occurred during JSON parsing: the event does not read as "
                    + types[0].getTypeName() + " (" + e.getMessage() + ")", e);
        }
        Object output = requestHandler.handleRequest(input, context);
        if (types[1] == null) {
            return JSON_NULL.clone();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer(types[1], loader).toJson(output, out);
        return out.toByteArray();
    }

    /** Refuses a class that is not a Lambda handler, saying what it must implement. */
    public static void requireHandler(Class<?> type) {
        if (!RequestHandler.class.isAssignableFrom(type) && !RequestStreamHandler.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " is not a Lambda handler: it must implement"
                    + " RequestHandler<I, O> or RequestStreamHandler (aws-lambda-java-core)");
        }
    }

    private static PojoSerializer<Object> serializer(Type type, ClassLoader loader) {
        CustomPojoSerializer custom = customSerializer(loader);
        if (custom != null) {
            return new PojoSerializer<>() {
                @Override
                public Object fromJson(InputStream input) {
                    return custom.fromJson(input, type);
                }

                @Override
                public Object fromJson(String input) {
                    return custom.fromJson(input, type);
                }

                @Override
                public void toJson(Object value, OutputStream output) {
                    custom.toJson(value, output, type);
                }
            };
        }
        if (type instanceof Class<?> clazz && LambdaEventSerializers.isLambdaSupportedEvent(clazz.getName())) {
            @SuppressWarnings("unchecked")
            Class<Object> event = (Class<Object>) clazz;
            return LambdaEventSerializers.serializerFor(event, clazz.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /** The one CustomPojoSerializer service of {@code loader}, or null; more than one is an error, as in Lambda. */
    private static CustomPojoSerializer customSerializer(ClassLoader loader) {
        Iterator<CustomPojoSerializer> found = ServiceLoader.load(CustomPojoSerializer.class, loader).iterator();
        if (!found.hasNext()) {
            return null;
        }
        CustomPojoSerializer first = found.next();
        if (found.hasNext()) {
            throw new IllegalStateException("Too many serializers provided inside the META-INF/services folder, only"
                    + " one is allowed: the Lambda Java runtime refuses more than one CustomPojoSerializer; keep one");
        }
        return first;
    }

    /**
     * The input and output types a class gives RequestHandler's {@code I} and {@code O}, following superclasses
     * and interfaces; {@code null} for one left raw or unresolved (the runtime then passes null, or answers null).
     */
    static Type[] requestHandlerTypes(Class<?> handlerClass) {
        Type[] found = find(handlerClass, new HashMap<>());
        return found == null ? new Type[2] : found;
    }

    private static Type[] find(Type type, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            Map<TypeVariable<?>, Type> inner = new HashMap<>(bindings);
            for (int i = 0; i < variables.length; i++) {
                inner.put(variables[i], resolve(arguments[i], bindings));
            }
            if (raw == RequestHandler.class) {
                return new Type[] {concrete(inner.get(variables[0])), concrete(inner.get(variables[1]))};
            }
            bindings = inner;
        } else if (type instanceof Class<?> clazz) {
            raw = clazz;
            if (raw == RequestHandler.class) {
                return null; // implemented raw
            }
        } else {
            return null;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Type[] found = find(parent, bindings);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : find(superclass, bindings);
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        return type instanceof TypeVariable<?> variable && bindings.containsKey(variable) ? bindings.get(variable)
                : type;
    }

    private static Type concrete(Type type) {
        return type instanceof TypeVariable<?> ? null : type;
    }
}
