// Enif's IDL for small enumerations that several areas share (Pegasus's "utils" types).
// Values are fixed by the wire: spec/internal-rpc.md §2.

namespace java io.enif.proto.utils

// How a name pattern is matched when listing tables or duplications.
// PMT_INVALID in a request means "no pattern given".
enum pattern_match_type {
    PMT_INVALID = 0,
    PMT_MATCH_ALL = 1,
    PMT_MATCH_EXACT = 2,
    PMT_MATCH_ANYWHERE = 3,
    PMT_MATCH_PREFIX = 4,
    PMT_MATCH_POSTFIX = 5,
    // Pegasus's meta answers ERR_NOT_IMPLEMENTED for this one.
    PMT_MATCH_REGEX = 6
}

// Checksum a learner asks the learnee to attach to the files it offers.
enum checksum_type {
    CST_INVALID = 0,
    CST_NONE = 1,
    CST_MD5 = 2
}
