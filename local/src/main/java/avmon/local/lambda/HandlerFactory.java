package avmon.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * Makes a function's handler when an execution environment starts (the INIT phase of a cold start).
 * The factory receives the function's environment variables, which in the JVM cannot be put into
 * {@code System.getenv()}: handlers that want them take a {@code Map<String, String>} constructor.
 */
@FunctionalInterface
public interface HandlerFactory {

    /**
     * Creates one handler instance, a {@link RequestHandler} or a {@link RequestStreamHandler}.
     *
     * @param environment the function's environment variables, Lambda's reserved ones included
     */
    Object create(Map<String, String> environment) throws Exception;

    /**
     * Instantiates {@code handlerClass} through its {@code (Map<String, String>)} constructor when it has
     * one, else through its no-argument constructor.
     *
     * @throws IllegalArgumentException when the class is not a handler or has neither constructor
     */
    static HandlerFactory of(Class<?> handlerClass) {
        if (!RequestHandler.class.isAssignableFrom(handlerClass)
                && !RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
            throw new IllegalArgumentException(handlerClass.getName()
                    + " implements neither RequestHandler nor RequestStreamHandler");
        }
        Constructor<?> withEnvironment = constructor(handlerClass, Map.class);
        Constructor<?> noArgument = constructor(handlerClass);
        if (withEnvironment == null && noArgument == null) {
            throw new IllegalArgumentException(handlerClass.getName()
                    + " has neither a public no-argument nor a public (Map) constructor");
        }
        return environment -> {
            try {
                return withEnvironment != null ? withEnvironment.newInstance(environment) : noArgument.newInstance();
            } catch (InvocationTargetException e) {
                // What the constructor threw is the init error, not the reflection wrapper.
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        };
    }

    /**
     * Loads {@code className} with the context class loader, as Lambda's {@code Handler} setting names it
     * (a {@code ::method} suffix is not supported: the class must implement a handler interface).
     *
     * @throws IllegalArgumentException when the class cannot be loaded or is not a handler
     */
    static HandlerFactory of(String className) {
        try {
            return of(Class.forName(className, false, Thread.currentThread().getContextClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("handler class not found: " + className, e);
        }
    }

    private static Constructor<?> constructor(Class<?> type, Class<?>... parameters) {
        try {
            return type.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
