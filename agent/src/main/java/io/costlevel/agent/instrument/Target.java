package io.costlevel.agent.instrument;

/** Which object a call site operates on, for the sampled handoff check (was it last touched by another thread?). */
enum Target {
    RECEIVER,
    /**
     * Atomic*Array: the receiver and, from the index in the first argument, the element's 64-byte block: the
     * elements of one array are separate lines (a sharded counter pads them apart), not one object.
     */
    RECEIVER_ELEMENT,
    /**
     * Field updaters and VarHandles: the object holding the field (the first argument, when it is a reference); for
     * an array element VarHandle (an array, then an int index) the array and the element's 64-byte block.
     */
    FIRST_ARGUMENT,
    /** A concurrent map's call: the receiver and the key's hash (its bin), the state a keyed update moves. */
    RECEIVER_KEY,
    NONE
}
