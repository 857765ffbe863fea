package io.enif.shell;

import java.util.List;

/** The command list {@code help} prints. */
final class Usage {
    private Usage() {}

    static final List<String> LINES = List.of(
            "help",
            "version",
            "exit",
            "timeout [time_in_ms]",
            "use [app_name]",
            "cluster_info [-j]",
            "nodes [-d] [-j] [-u] [-q] [-p 50|90|95|99|999] [-s all|alive|unalive]",
            "server_stat [-t all|meta-server|replica-server] [-l ip:port,...]",
            "app_stat [-a app_name] [-q] [-u] [-c] [-j] [-o file]",
            "app_disk <app_name> [-d] [-j] [-o file]",
            "disk_capacity [-n ip:port] [-d] [-j] [-o file]",
            "disk_replica [-n ip:port] [-a app_name] [-j] [-o file]",
            "get_meta_level",
            "set_meta_level <stopped|blind|freezed|steady|lively>",
            "ls [-a] [-d] [-j] [-s all|available|dropped]",
            "app <app_name> [-d] [-j]",
            "create <app_name> [-p partition_count] [-r replica_count] [-e k=v,...]",
            "drop <app_name> [-r reserve_seconds]",
            "recall <app_id> [new_app_name]",
            "get_app_envs [-j]",
            "set_app_envs <key> <value> [key value...]",
            "set <hash_key> <sort_key> <value> [ttl_in_seconds]",
            "multi_set <hash_key> <sort_key> <value> [sort_key value...]",
            "get <hash_key> <sort_key>",
            "multi_get <hash_key> [sort_key...]",
            "del <hash_key> <sort_key>",
            "multi_del <hash_key> <sort_key> [sort_key...]",
            "incr <hash_key> <sort_key> [increment]",
            "exist <hash_key> <sort_key>",
            "ttl <hash_key> <sort_key>",
            "count <hash_key>");
}
