package avmon.local.sfn.api;

/** Standard (durable, exactly once, history kept) or Express (short, synchronous or asynchronous). */
public enum StateMachineType {
    STANDARD,
    EXPRESS
}
