package io.costlevel.agent.instrument;

/** Which object a call site operates on, for the sampled handoff check (was it last touched by another thread?). */
enum Target {
    RECEIVER,
    /** Field updaters and VarHandles: the object holding the field (the first argument, when it is a reference). */
    FIRST_ARGUMENT,
    NONE
}
