package avmon.core.detect;

import java.util.function.Supplier;

/**
 * What every detector has in common: its name, its state class and how a stream's first state is made.
 * Subclasses only say what they do with pictures and audio.
 *
 * @param <S> the detector's state
 */
public abstract class AbstractDetector<S> implements Detector<S> {

    private final String name;
    private final Class<S> stateType;
    private final Supplier<S> initialState;

    protected AbstractDetector(String name, Class<S> stateType, Supplier<S> initialState) {
        this.name = name;
        this.stateType = stateType;
        this.initialState = initialState;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<S> stateType() {
        return stateType;
    }

    @Override
    public final S initialState() {
        return initialState.get();
    }
}
