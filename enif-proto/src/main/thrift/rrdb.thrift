// Enif's IDL for the data operations a replica server serves (the "rrdb" service of Pegasus).
// Field ids and types follow spec/protocol.md §7; the names are Pegasus's, since the official
// clients' generated code and ours must agree on every id.
//
// Requests reach the server as the single field (id 1) of a thrift args struct, with the message
// name RPC_RRDB_RRDB_<OP>; the framing code reads that field, so no service is declared here.

include "base.thrift"

namespace java io.enif.proto.rrdb

enum filter_type {
    FT_NO_FILTER = 0,
    FT_MATCH_ANYWHERE = 1,
    FT_MATCH_PREFIX = 2,
    FT_MATCH_POSTFIX = 3
}

enum cas_check_type {
    CT_NO_CHECK = 0,
    CT_VALUE_NOT_EXIST = 1,
    CT_VALUE_NOT_EXIST_OR_EMPTY = 2,
    CT_VALUE_EXIST = 3,
    CT_VALUE_NOT_EMPTY = 4,
    CT_VALUE_MATCH_ANYWHERE = 5,
    CT_VALUE_MATCH_PREFIX = 6,
    CT_VALUE_MATCH_POSTFIX = 7,
    CT_VALUE_BYTES_LESS = 8,
    CT_VALUE_BYTES_LESS_OR_EQUAL = 9,
    CT_VALUE_BYTES_EQUAL = 10,
    CT_VALUE_BYTES_GREATER_OR_EQUAL = 11,
    CT_VALUE_BYTES_GREATER = 12,
    CT_VALUE_INT_LESS = 13,
    CT_VALUE_INT_LESS_OR_EQUAL = 14,
    CT_VALUE_INT_EQUAL = 15,
    CT_VALUE_INT_GREATER_OR_EQUAL = 16,
    CT_VALUE_INT_GREATER = 17
}

enum mutate_operation {
    MO_PUT = 0,
    MO_DELETE = 1
}

// Kinds of update_request, used when a request is carried inside another (never sent by the Java client).
enum update_type {
    UT_PUT = 0,
    UT_INCR = 1,
    UT_CHECK_AND_SET = 2,
    UT_CHECK_AND_MUTATE_PUT = 3,
    UT_CHECK_AND_MUTATE_REMOVE = 4
}

// put: store value under the encoded key ([u16 hash_key length][hash_key][sort_key]).
struct update_request {
    1: base.blob key;
    2: base.blob value;
    // Absolute expiry in seconds since 2016-01-01 00:00:00 UTC; 0 = never.
    3: i32 expire_ts_seconds;
    4: optional update_type type;
    5: optional bool check_value_returned;
    6: optional bool check_value_exist;
    7: optional base.blob check_value;
}

struct update_response {
    // A RocksDB status code: 0 ok, 1 not found, 4 invalid argument, 7 incomplete, 13 try again, ...
    1: i32 error;
    2: i32 app_id;
    3: i32 partition_index;
    4: i64 decree;
    5: string server;
}

struct read_response {
    1: i32 error;
    2: base.blob value;
    3: i32 app_id;
    4: i32 partition_index;
    6: string server;
}

struct ttl_response {
    1: i32 error;
    // Seconds left, or -1 when the record has no TTL.
    2: i32 ttl_seconds;
    3: i32 app_id;
    4: i32 partition_index;
    6: string server;
}

struct count_response {
    1: i32 error;
    2: i64 count;
    3: i32 app_id;
    4: i32 partition_index;
    6: string server;
}

struct key_value {
    1: base.blob key;
    2: base.blob value;
    3: optional i32 expire_ts_seconds;
}

struct multi_put_request {
    1: base.blob hash_key;
    // key = sort key
    2: list<key_value> kvs;
    3: i32 expire_ts_seconds;
}

struct multi_remove_request {
    1: base.blob hash_key;
    2: list<base.blob> sort_keys;
    // Deprecated; the Java client sends 100.
    3: i64 max_count;
}

struct multi_remove_response {
    1: i32 error;
    2: i64 count;
    3: i32 app_id;
    4: i32 partition_index;
    5: i64 decree;
    6: string server;
}

struct multi_get_request {
    1: base.blob hash_key;
    // Non-empty: point lookups of these sort keys; empty: the range below.
    2: list<base.blob> sort_keys;
    3: i32 max_kv_count;
    4: i32 max_kv_size;
    5: bool no_value;
    6: base.blob start_sortkey;
    7: base.blob stop_sortkey;
    8: bool start_inclusive;
    9: bool stop_inclusive;
    10: filter_type sort_key_filter_type;
    11: base.blob sort_key_filter_pattern;
    12: bool reverse;
}

struct multi_get_response {
    1: i32 error;
    // key = sort key
    2: list<key_value> kvs;
    3: i32 app_id;
    4: i32 partition_index;
    6: string server;
}

struct full_key {
    1: base.blob hash_key;
    2: base.blob sort_key;
}

struct batch_get_request {
    1: list<full_key> keys;
}

struct full_data {
    1: base.blob hash_key;
    2: base.blob sort_key;
    3: base.blob value;
}

struct batch_get_response {
    1: i32 error;
    2: list<full_data> data;
    3: i32 app_id;
    4: i32 partition_index;
    6: string server;
}

struct incr_request {
    1: base.blob key;
    2: i64 increment;
    // 0 keeps the old TTL, > 0 sets it, < 0 clears it.
    3: i32 expire_ts_seconds;
}

struct incr_response {
    1: i32 error;
    2: i64 new_value;
    3: i32 app_id;
    4: i32 partition_index;
    5: i64 decree;
    6: string server;
}

struct check_and_set_request {
    1: base.blob hash_key;
    2: base.blob check_sort_key;
    3: cas_check_type check_type;
    4: base.blob check_operand;
    5: bool set_diff_sort_key;
    6: base.blob set_sort_key;
    7: base.blob set_value;
    8: i32 set_expire_ts_seconds;
    9: bool return_check_value;
}

struct check_and_set_response {
    // 13 (kTryAgain) when the check did not pass.
    1: i32 error;
    2: bool check_value_returned;
    3: bool check_value_exist;
    4: base.blob check_value;
    5: i32 app_id;
    6: i32 partition_index;
    7: i64 decree;
    8: string server;
}

struct mutate {
    1: mutate_operation operation;
    2: base.blob sort_key;
    // Absent for MO_DELETE.
    3: base.blob value;
    4: i32 set_expire_ts_seconds;
}

struct check_and_mutate_request {
    1: base.blob hash_key;
    2: base.blob check_sort_key;
    3: cas_check_type check_type;
    4: base.blob check_operand;
    5: list<mutate> mutate_list;
    6: bool return_check_value;
}

struct check_and_mutate_response {
    1: i32 error;
    2: bool check_value_returned;
    3: bool check_value_exist;
    4: base.blob check_value;
    5: i32 app_id;
    6: i32 partition_index;
    7: i64 decree;
    8: string server;
}

struct get_scanner_request {
    // Encoded keys; a full-partition scan uses 00 00 .. ff ff.
    1: base.blob start_key;
    2: base.blob stop_key;
    3: bool start_inclusive;
    4: bool stop_inclusive;
    5: i32 batch_size;
    6: bool no_value;
    7: filter_type hash_key_filter_type;
    8: base.blob hash_key_filter_pattern;
    9: filter_type sort_key_filter_type;
    10: base.blob sort_key_filter_pattern;
    // The defaults below are what a server must assume when a field is absent (the Java client never sends them).
    11: optional bool validate_partition_hash = true;
    12: optional bool return_expire_ts = false;
    13: optional bool full_scan = false;
    14: optional bool only_return_count = false;
}

struct scan_request {
    1: i64 context_id;
}

struct scan_response {
    1: i32 error;
    // key = the full encoded key
    2: list<key_value> kvs;
    // -1 when the range is exhausted.
    3: i64 context_id;
    4: i32 app_id;
    5: i32 partition_index;
    6: string server;
    7: optional i32 kv_count;
}
