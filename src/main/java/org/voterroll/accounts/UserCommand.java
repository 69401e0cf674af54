package org.voterroll.accounts;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code user add --name N --role OPERATOR|TOWNSHIP|STATION [--scope CODE]}: the password is read from the
 * console (asked twice) or, without one, from the first line of standard input. There is no default password.
 */
public final class UserCommand {
    private UserCommand() {}

    public static int run(String[] args, Map<String, String> opts, AccountService accounts, PrintStream out) throws Exception {
        if (args.length < 2 || !args[1].equals("add")) throw new IllegalArgumentException("usage: user add --name N --role ROLE [--scope CODE]");
        String name = opts.get("--name");
        if (name == null) throw new IllegalArgumentException("missing --name");
        Role role = Role.parse(opts.getOrDefault("--role", ""));
        role.checkScope(opts.get("--scope"));
        String password = readPassword(name);
        Account a = accounts.create(name, role, opts.get("--scope"), password, "command-line");
        out.println("account " + a.name() + " (" + a.role() + (a.scope() == null ? "" : " " + a.scope()) + ") created");
        return 0;
    }

    private static String readPassword(String name) throws Exception {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("password for %s: ", name);
            char[] again = console.readPassword("again: ");
            if (first == null || again == null || !new String(first).equals(new String(again))) {
                throw new IllegalArgumentException("the two passwords differ");
            }
            return new String(first);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) throw new IllegalArgumentException("no password on standard input");
        return line;
    }
}
