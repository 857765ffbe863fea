// Enif's IDL for copying files between servers (learners pulling checkpoints, duplication
// followers pulling a master's checkpoint): RPC_NFS_GET_FILE_SIZE lists the files and their
// sizes, then RPC_NFS_COPY fetches them in chunks. Names and ids are Pegasus's
// (spec/internal-rpc.md §6.2), since a Pegasus duplication peer may send them.

include "base.thrift"

namespace java io.enif.proto.nfs

struct get_file_size_request {
    1: base.rpc_address source;
    2: string dst_dir;
    // Empty = every file under source_dir.
    3: list<string> file_list;
    4: string source_dir;
    5: bool overwrite;
    6: optional string source_disk_tag;
    7: optional string dest_disk_tag;
    8: optional base.gpid pid;
    9: optional base.host_port hp_source;
}

struct get_file_size_response {
    // Not an error name: Pegasus puts its process-local error number here (0 = ERR_OK).
    1: i32 error;
    2: list<string> file_list;
    3: list<i64> size_list;
}

struct copy_request {
    1: base.rpc_address source;
    2: string source_dir;
    3: string dst_dir;
    4: string file_name;
    5: i64 offset;
    6: i32 size;
    7: bool is_last;
    8: bool overwrite;
    9: optional string source_disk_tag;
    10: optional base.gpid pid;
    11: optional base.host_port hp_source;
}

struct copy_response {
    1: base.error_code error;
    2: base.blob file_content;
    3: i64 offset;
    4: i32 size;
}
