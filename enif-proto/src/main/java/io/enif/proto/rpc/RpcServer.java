package io.enif.proto.rpc;

/** Which kind of Enif process serves an RPC, so that each dispatcher can register exactly its own. */
public enum RpcServer {
    /** The meta server. */
    META,
    /** The replica server. */
    REPLICA,
    /** Both the meta server and the replica server (remote commands, SASL negotiation). */
    META_AND_REPLICA;

    /** Whether a process of kind {@code process} (META or REPLICA) serves the RPCs of this kind. */
    public boolean includes(RpcServer process) {
        return this == process || this == META_AND_REPLICA;
    }
}
