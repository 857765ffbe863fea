// Enif's IDL for SASL negotiation (RPC_NEGOTIATION), exchanged on a new connection only when
// authentication is on (spec/protocol.md §13). Names and ids are Pegasus's.

include "base.thrift"

namespace java io.enif.proto.security

enum negotiation_status {
    INVALID = 0,
    SASL_LIST_MECHANISMS = 1,
    SASL_LIST_MECHANISMS_RESP = 2,
    SASL_SELECT_MECHANISMS = 3,
    SASL_SELECT_MECHANISMS_RESP = 4,
    SASL_INITIATE = 5,
    SASL_CHALLENGE = 6,
    SASL_CHALLENGE_RESP = 7,
    SASL_SUCC = 8,
    SASL_AUTH_DISABLE = 9,
    SASL_AUTH_FAIL = 10
}

struct negotiation_request {
    1: negotiation_status status;
    2: base.blob msg;
}

struct negotiation_response {
    1: negotiation_status status;
    2: base.blob msg;
}
