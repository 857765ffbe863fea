package io.enif.shell;

import static io.enif.shell.Format.bytes;

import io.enif.client.CheckAndMutateOptions;
import io.enif.client.CheckAndMutateResult;
import io.enif.client.CheckAndSetOptions;
import io.enif.client.CheckAndSetResult;
import io.enif.client.CheckType;
import io.enif.client.Mutations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The conditional writes: check_and_set and check_and_mutate. Check types are Pegasus's shell names: the check
 * type's name without {@code CT_VALUE_}, lower case ({@code not_exist}, {@code match_prefix}, {@code int_less}, ...,
 * and {@code no_check}).
 */
final class CasCommands {
    private CasCommands() {}

    static void register(Map<String, Shell.Command> commands) {
        commands.put("check_and_set", CasCommands::checkAndSet);
        commands.put("check_and_mutate", CasCommands::checkAndMutate);
    }

    /** The shell name of a check type. */
    static String shellName(CheckType type) {
        return type.name().replaceFirst("^VALUE_", "").toLowerCase(Locale.ROOT);
    }

    static CheckType checkType(String command, String name) {
        for (CheckType type : CheckType.values()) {
            if (shellName(type).equals(name.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        List<String> names = new ArrayList<>();
        for (CheckType type : CheckType.values()) {
            names.add(shellName(type));
        }
        throw new UsageException(command + ": invalid check type '" + name + "', must be one of " + names);
    }

    private static boolean needsOperand(CheckType type) {
        return type.value() >= CheckType.VALUE_MATCH_ANYWHERE.value();
    }

    private static void checkAndSet(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse(
                        "check_and_set", words, Set.of("-r", "-j"), Set.of("-c", "-t", "-o", "-s", "-v", "-l"))
                .expect(1, 1, Usage.of("check_and_set").substring("check_and_set ".length()));
        byte[] hk = bytes(a.get(0));
        if (!a.hasValue("-c") || !a.hasValue("-t") || !a.hasValue("-s") || !a.hasValue("-v")) {
            throw new UsageException("check_and_set: -c check_sort_key, -t check_type, -s set_sort_key and -v"
                    + " set_value are required");
        }
        CheckType type = checkType("check_and_set", a.value("-t", ""));
        byte[] checkSortKey = bytes(a.value("-c", ""));
        byte[] operand = bytes(a.value("-o", ""));
        byte[] setSortKey = bytes(a.value("-s", ""));
        byte[] setValue = bytes(a.value("-v", ""));
        int ttl = a.intValue("-l", 0);
        if (ttl < 0) {
            throw new UsageException("check_and_set: -l set_value_ttl_seconds must not be negative");
        }
        CheckAndSetResult result = s.table()
                .checkAndSet(
                        hk,
                        checkSortKey,
                        type,
                        operand,
                        setSortKey,
                        setValue,
                        new CheckAndSetOptions(ttl, a.has("-r")),
                        s.timeoutMillis);
        if (a.has("-j")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("set_succeed", result.setSucceed());
            checkValueJson(s, doc, a.has("-r"), result.checkValueExist(), result.checkValue());
            doc.putAll(s.trailerFields(hk, checkSortKey));
            s.out.println(Format.json(doc));
            return;
        }
        s.out.println("hash_key: " + s.q(hk));
        s.out.println("check_sort_key: " + s.q(checkSortKey));
        s.out.println("check_type: " + shellName(type));
        if (needsOperand(type)) {
            s.out.println("check_operand: " + s.q(operand));
        }
        s.out.println("set_sort_key: " + s.q(setSortKey));
        s.out.println("set_value: " + s.q(setValue));
        s.out.println("set_value_ttl_seconds: " + ttl);
        s.out.println("return_check_value: " + a.has("-r"));
        s.out.println();
        s.out.println(result.setSucceed() ? "Set succeed." : "Set failed, because check not passed.");
        printCheckValue(s, a.has("-r"), result.checkValueExist(), result.checkValue());
        s.trailer(hk, checkSortKey);
    }

    private static void checkAndMutate(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("check_and_mutate", words, Set.of("-r", "-j"), Set.of("-c", "-t", "-o"))
                .expect(1, 1, Usage.of("check_and_mutate").substring("check_and_mutate ".length()));
        byte[] hk = bytes(a.get(0));
        if (!a.hasValue("-c") || !a.hasValue("-t")) {
            throw new UsageException("check_and_mutate: -c check_sort_key and -t check_type are required");
        }
        CheckType type = checkType("check_and_mutate", a.value("-t", ""));
        byte[] checkSortKey = bytes(a.value("-c", ""));
        byte[] operand = bytes(a.value("-o", ""));
        s.table();
        if (!a.has("-j")) {
            s.out.println("Load mutations, like");
            s.out.println("  set <sort_key> <value> [ttl]");
            s.out.println("  del <sort_key>");
            s.out.println("Print \"ok\" to finish loading, \"abort\" to abort this command");
            s.out.flush();
        }
        Mutations mutations = readMutations(s);
        if (mutations == null) {
            s.out.println("INFO: abort check_and_mutate command");
            return;
        }
        CheckAndMutateResult result = s.table()
                .checkAndMutate(
                        hk,
                        checkSortKey,
                        type,
                        operand,
                        mutations,
                        new CheckAndMutateOptions(a.has("-r")),
                        s.timeoutMillis);
        if (a.has("-j")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("mutate_succeed", result.mutateSucceed());
            doc.put("mutation_count", mutations.list().size());
            checkValueJson(s, doc, a.has("-r"), result.checkValueExist(), result.checkValue());
            doc.putAll(s.trailerFields(hk, checkSortKey));
            s.out.println(Format.json(doc));
            return;
        }
        s.out.println("hash_key: " + s.q(hk));
        s.out.println("check_sort_key: " + s.q(checkSortKey));
        s.out.println("check_type: " + shellName(type));
        if (needsOperand(type)) {
            s.out.println("check_operand: " + s.q(operand));
        }
        s.out.println("return_check_value: " + a.has("-r"));
        s.out.println("mutations:");
        List<Mutations.Mutation> list = mutations.list();
        for (int i = 0; i < list.size(); i++) {
            Mutations.Mutation m = list.get(i);
            String at = "  mutation[" + i + "].";
            s.out.println(at + "type: " + (m.kind() == Mutations.Kind.PUT ? "SET" : "DEL"));
            s.out.println(at + "sort_key: " + s.q(m.sortKey()));
            if (m.kind() == Mutations.Kind.PUT) {
                s.out.println(at + "value: " + s.q(m.value()));
                s.out.println(at + "expire_seconds: " + m.ttlSeconds());
            }
        }
        s.out.println();
        s.out.println(result.mutateSucceed() ? "Mutate succeed." : "Mutate failed, because check not passed.");
        printCheckValue(s, a.has("-r"), result.checkValueExist(), result.checkValue());
        s.trailer(hk, checkSortKey);
    }

    /** Reads {@code set}/{@code del} lines until {@code ok}; null after {@code abort}. */
    private static Mutations readMutations(Session s) {
        Mutations mutations = new Mutations();
        while (true) {
            List<String> words = s.nextStatement.apply("mutation> ");
            if (words == null) {
                throw new UsageException("check_and_mutate: the input ended before \"ok\"");
            }
            String verb = words.get(0);
            if (verb.equals("ok")) {
                if (mutations.isEmpty()) {
                    throw new UsageException("check_and_mutate: no mutation given");
                }
                return mutations;
            } else if (verb.equals("abort")) {
                return null;
            } else if (verb.equals("set") && (words.size() == 3 || words.size() == 4)) {
                int ttl = words.size() == 4 ? CommandArgs.toInt("check_and_mutate", "ttl", words.get(3)) : 0;
                if (ttl < 0) {
                    throw new UsageException("check_and_mutate: ttl must not be negative");
                }
                mutations.set(bytes(words.get(1)), bytes(words.get(2)), ttl);
            } else if (verb.equals("del") && words.size() == 2) {
                mutations.del(bytes(words.get(1)));
            } else {
                throw new UsageException("check_and_mutate: invalid mutation '" + String.join(" ", words)
                        + "', must be 'set <sort_key> <value> [ttl]', 'del <sort_key>', 'ok' or 'abort'");
            }
        }
    }

    private static void printCheckValue(Session s, boolean returned, boolean exists, byte[] value) {
        if (returned) {
            s.out.println();
            s.out.println(exists && value != null ? "Check value: " + s.q(value) : "Check value not exist.");
        }
    }

    private static void checkValueJson(
            Session s, Map<String, Object> doc, boolean returned, boolean exists, byte[] value) {
        if (returned) {
            doc.put("check_value_exist", exists);
            doc.put("check_value", exists && value != null ? s.j(value) : null);
        }
    }
}
