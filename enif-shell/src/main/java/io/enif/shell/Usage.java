package io.enif.shell;

import java.util.List;

/** The command list {@code help} prints, one usage line per command. */
final class Usage {
    private Usage() {}

    static final List<String> LINES = List.of(
            "help",
            "version",
            "exit",
            "quit",
            "cc [meta_server_list]",
            "use [app_name]",
            "timeout [time_in_ms]",
            "escape_all [true|false]",
            "cluster_info [-j] [-o file]",
            "nodes [-d] [-j] [-u] [-q] [-p 50|90|95|99|999] [-s all|alive|unalive] [-o file]",
            "server_stat [-t all|meta-server|replica-server] [-l ip:port,...]",
            "app_stat [-a app_name] [-q] [-u] [-c] [-j] [-o file]",
            "app_disk <app_name> [-d] [-j] [-o file]",
            "disk_capacity [-n ip:port] [-d] [-j] [-o file]",
            "disk_replica [-n ip:port] [-a app_name] [-j] [-o file]",
            "get_meta_level [-j]",
            "set_meta_level <stopped|blind|freezed|steady|lively>",
            "ls [-a] [-d] [-j] [-s all|available|creating|dropping|dropped] [-o file]",
            "app <app_name> [-d] [-j] [-o file]",
            "create <app_name> [-p partition_count] [-r replica_count] [-e k=v,...]",
            "drop <app_name> [-r reserve_seconds]",
            "recall <app_id> [new_app_name]",
            "get_app_envs [-j]",
            "set_app_envs <key> <value> [key value...]",
            "del_app_envs <key> [key...] [-j]",
            "clear_app_envs <-a | -p prefix> [-j]",
            "set <hash_key> <sort_key> <value> [ttl_in_seconds] [-j]",
            "multi_set <hash_key> <sort_key> <value> [sort_key value...] [-j]",
            "get <hash_key> <sort_key> [-j]",
            "multi_get <hash_key> [sort_key...] [-j]",
            "multi_get_range <hash_key> <start_sort_key> <stop_sort_key> [-a start_inclusive(true)]"
                    + " [-b stop_inclusive(false)] [-s anywhere|prefix|postfix] [-y pattern] [-n max_count] [-i]"
                    + " [-r] [-j]",
            "multi_get_sortkeys <hash_key> [-j]",
            "del <hash_key> <sort_key> [-j]",
            "multi_del <hash_key> <sort_key> [sort_key...] [-j]",
            "multi_del_range <hash_key> <start_sort_key> <stop_sort_key> [-a start_inclusive(true)]"
                    + " [-b stop_inclusive(false)] [-s anywhere|prefix|postfix] [-y pattern] [-o file] [-i] [-j]",
            "incr <hash_key> <sort_key> [increment] [-j]",
            "check_and_set <hash_key> -c check_sort_key -t check_type [-o check_operand] -s set_sort_key"
                    + " -v set_value [-l set_value_ttl_seconds] [-r] [-j]",
            "check_and_mutate <hash_key> -c check_sort_key -t check_type [-o check_operand] [-r] [-j]"
                    + " (then: set <sort_key> <value> [ttl] / del <sort_key> lines, ok or abort)",
            "exist <hash_key> <sort_key> [-j]",
            "count <hash_key> [-j]",
            "ttl <hash_key> <sort_key> [-j]",
            "hash <hash_key> <sort_key> [-j]",
            "hash_scan <hash_key> <start_sort_key> <stop_sort_key> [-a start_inclusive(true)]"
                    + " [-b stop_inclusive(false)] [-s anywhere|prefix|postfix|exact] [-y pattern]"
                    + " [-v anywhere|prefix|postfix|exact] [-z value_pattern] [-o file] [-n max_count]"
                    + " [-t timeout_ms] [-d] [-i] [-j]",
            "full_scan [-h anywhere|prefix|postfix|exact] [-x hash_key_pattern]"
                    + " [-s anywhere|prefix|postfix|exact] [-y sort_key_pattern] [-v anywhere|prefix|postfix|exact]"
                    + " [-z value_pattern] [-o file] [-n max_count] [-t timeout_ms] [-d] [-i] [-p partition] [-j]",
            "count_data [-c] [-p partition] [-b max_batch_count] [-t timeout_ms]"
                    + " [-h anywhere|prefix|postfix|exact] [-x pattern] [-s anywhere|prefix|postfix|exact]"
                    + " [-y pattern] [-v anywhere|prefix|postfix|exact] [-z pattern] [-d] [-a] [-n top_count]"
                    + " [-r run_seconds] [-j]");

    /** The usage line of a command (just its name when it has none). */
    static String of(String command) {
        for (String line : LINES) {
            if (line.equals(command) || line.startsWith(command + " ")) {
                return line;
            }
        }
        return command;
    }
}
