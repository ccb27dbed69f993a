package dev.pulse.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Runs in a fresh JVM whose class path is one function's shaded jar, this class, and Lambda's event serializers (what
 * the Java runtime itself brings): it constructs the handler as Lambda does and serves one event, then prints how long
 * each step took. It uses nothing of Pulse's beyond what the jar holds, so it measures that jar.
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
        Object response = ((RequestHandler) handler).handleRequest(event, new ProbeContext(type.getSimpleName()));
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

    private static Class<?> inputType(Class<?> type) {
        for (Type candidate : type.getGenericInterfaces()) {
            if (candidate instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                return (Class<?>) p.getActualTypeArguments()[0];
            }
        }
        throw new IllegalArgumentException(type + " is not a RequestHandler<I, O>");
    }

    /** The fields a handler reads from Lambda's context; the remaining time is the function's whole timeout. */
    private record ProbeContext(String function) implements Context {
        @Override
        public String getAwsRequestId() {
            return "coldstart-probe";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + function;
        }

        @Override
        public String getLogStreamName() {
            return "probe";
        }

        @Override
        public String getFunctionName() {
            return function;
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:" + function;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 60_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.err.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.err.write(message, 0, message.length);
                }
            };
        }
    }
}
