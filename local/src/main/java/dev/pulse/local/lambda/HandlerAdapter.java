package dev.pulse.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;

/**
 * One handler object and the JSON bridge the Java Lambda runtime puts around it: the input is deserialized to the
 * handler's declared event type with the runtime's own serializers (aws-lambda-java-serialization), and the output is
 * serialized the same way, so a handler sees exactly the objects it would see in Lambda.
 */
final class HandlerAdapter {
    private final Object handler;
    private final PojoSerializer<Object> input;

    private HandlerAdapter(Object handler, PojoSerializer<Object> input) {
        this.handler = handler;
        this.input = input;
    }

    /** Instantiates {@code handlerClass} through its public no-argument constructor, as Lambda does. */
    static HandlerAdapter create(String handlerClass) throws ReflectiveOperationException {
        String className =
                handlerClass.contains("::") ? handlerClass.substring(0, handlerClass.indexOf("::")) : handlerClass;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> type = Class.forName(className, true, loader);
        Object handler = type.getConstructor().newInstance();
        if (handler instanceof RequestStreamHandler) {
            return new HandlerAdapter(handler, null);
        }
        if (!(handler instanceof RequestHandler<?, ?>)) {
            throw new IllegalArgumentException(
                    className + " implements neither RequestHandler nor RequestStreamHandler");
        }
        return new HandlerAdapter(handler, serializerFor(inputType(type), loader));
    }

    /** Runs the handler on {@code event} (JSON) and returns its response as JSON. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    String invoke(String event, Context context) throws IOException {
        if (handler instanceof RequestStreamHandler streamHandler) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            streamHandler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
            return out.toString(StandardCharsets.UTF_8);
        }
        Object request = input.fromJson(event);
        Object response = ((RequestHandler) handler).handleRequest(request, context);
        if (response == null) {
            return "null";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializerFor(response.getClass(), response.getClass().getClassLoader()).toJson(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializerFor(Type type, ClassLoader loader) {
        if (type instanceof Class<?> cls && LambdaEventSerializers.isLambdaSupportedEvent(cls.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(cls, loader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /** The {@code I} of {@code RequestHandler<I, O>}, found through superclasses and generic interfaces. */
    static Type inputType(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type candidate : c.getGenericInterfaces()) {
                if (candidate instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type argument = p.getActualTypeArguments()[0];
                    return argument instanceof TypeVariable<?> ? Object.class : argument;
                }
            }
            if (c.getGenericSuperclass() instanceof ParameterizedType p
                    && p.getActualTypeArguments().length > 0
                    && RequestHandler.class.isAssignableFrom((Class<?>) p.getRawType())) {
                Type inherited = inputType((Class<?>) p.getRawType());
                if (inherited == Object.class && !(p.getActualTypeArguments()[0] instanceof TypeVariable<?>)) {
                    return p.getActualTypeArguments()[0];
                }
                return inherited;
            }
        }
        return Object.class;
    }
}
