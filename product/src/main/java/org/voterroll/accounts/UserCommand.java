package org.voterroll.accounts;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.voterroll.cli.Cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code user add}: accounts of the web application from the command line (the first operator's, above all). */
@Command(name = "user", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class,
        description = "Accounts of the web application.", subcommands = UserCommand.Add.class)
public final class UserCommand {

    /**
     * {@code user add --name N --role ROLE [--scope CODE]}: the password is read from the console (asked twice) or,
     * without one, from the first line of standard input. There is no default password.
     */
    @Command(name = "add", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class, sortOptions = false,
            description = {"Creates an account; the password is asked for twice (or read from standard input).",
                    "There is no default account or password."})
    static final class Add implements Callable<Integer> {
        private final Cli cli;
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "the login name")
        String name;
        // an enum lookup: a role added to Role needs no change here
        @Option(names = "--role", required = true, paramLabel = "ROLE", converter = RoleConverter.class,
                description = "one of ${COMPLETION-CANDIDATES}")
        Role role;
        @Option(names = "--scope", paramLabel = "CODE", description = "the 乡镇代码 of a TOWNSHIP account, the 选区编码 of a STATION account")
        String scope;

        Add(Cli cli) { this.cli = cli; }

        @Override
        public Integer call() throws Exception {
            try {
                role.checkScope(scope);
            } catch (IllegalArgumentException e) {
                // the same words as the web's accounts page, with the option they are about
                throw new IllegalArgumentException("--scope: " + e.getMessage());
            }
            try (ConfigurableApplicationContext ctx = cli.batchContext()) {
                return add(name, role, scope, ctx.getBean(AccountService.class), cli.out());
            }
        }
    }

    static final class RoleConverter implements picocli.CommandLine.ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            try {
                return Role.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Creates the account with the password read from the console or standard input. */
    public static int add(String name, Role role, String scope, AccountService accounts, PrintStream out) throws Exception {
        role.checkScope(scope);
        String password = readPassword(name);
        Account a = accounts.create(name, role, scope, password, "command-line");
        out.println("account " + a.name() + " (" + a.role() + (a.scope() == null ? "" : " " + a.scope()) + ") created");
        return 0;
    }

    private static String readPassword(String name) throws Exception {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("password for %s: ", name);
            char[] again = console.readPassword("again: ");
            if (first == null || again == null || !new String(first).equals(new String(again))) {
                throw new IllegalArgumentException("两次输入的密码不一致，请重新输入");
            }
            return new String(first);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) throw new IllegalArgumentException("标准输入中没有密码：请在第一行输入密码");
        return line;
    }
}
