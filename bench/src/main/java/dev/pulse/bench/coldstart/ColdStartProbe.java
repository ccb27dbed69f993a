package dev.pulse.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.pulse.local.lambda.FunctionIdentity;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalContext;
import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;

/**
 * Runs in a fresh JVM whose class path is one function's shaded jar, this class, the local runtime's Lambda context,
 * and Lambda's event serializers (what the Java runtime itself brings): it constructs the handler as Lambda does and
 * serves one event, then prints how long each step took. {@code ARGS: HANDLER EVENT FUNCTION ARN MEMORY_MB TIMEOUT_S}.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getConstructor().newInstance();
        long constructed = System.nanoTime();
        Class<?> input = inputType(type);
        Object event;
        try (InputStream in = new FileInputStream(args[1])) {
            event = LambdaEventSerializers.serializerFor(input, type.getClassLoader())
                    .fromJson(in);
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object response = ((RequestHandler) handler)
                .handleRequest(
                        event,
                        context(
                                args[2],
                                args[3],
                                Integer.parseInt(args[4]),
                                Duration.ofSeconds(Long.parseLong(args[5]))));
        long served = System.nanoTime();
        System.out.printf(
                "PROBE init_ms=%.1f invoke_ms=%.1f response=%s%n",
                (constructed - start) / 1e6,
                (served - constructed) / 1e6,
                String.valueOf(response).replace('\n', ' '));
        System.out.flush();
        // Lambda freezes the instance here; the probe exits without waiting for client threads.
        Runtime.getRuntime().halt(0);
    }

    /** The local runtime's Lambda context, standing in for the one the Java runtime hands a handler. */
    private static Context context(String function, String arn, int memoryMb, Duration timeout) {
        FunctionIdentity identity = new FunctionIdentity(function, arn, memoryMb, timeout);
        return new LocalContext(
                identity,
                "coldstart-probe",
                System.currentTimeMillis() + timeout.toMillis(),
                "probe",
                new JsonLog(System.err, false));
    }

    private static Class<?> inputType(Class<?> type) {
        for (Type candidate : type.getGenericInterfaces()) {
            if (candidate instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                return (Class<?>) p.getActualTypeArguments()[0];
            }
        }
        throw new IllegalArgumentException(type + " is not a RequestHandler<I, O>");
    }
}
