package avmon.fn.detector;

import avmon.aws.lambda.error.FunctionException;

/**
 * The function is configured to run a model detector ({@link EnabledDetectors#ENV}) but the model cannot be
 * loaded here: its files are missing or damaged, or the PyTorch engine's natives are not in this deployment
 * (the zip-packaged function never carries them). Thrown while the function starts, before any event.
 */
public final class ModelUnavailableException extends FunctionException {

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
