using System.CommandLine;
using Jiedan.Cli.Backup;
using Jiedan.Cli.Db;
using Jiedan.Cli.Demo;
using Jiedan.Cli.Serve;
using Jiedan.Common.Cli;
using Jiedan.Loc;
using Jiedan.Web.Host;

namespace Jiedan.Cli;

/// <summary>
/// The root command: <c>serve</c>, <c>db</c>, <c>backup</c>, <c>restore</c>, <c>demo</c>, and the commands of every module in
/// <see cref="JiedanModules"/>.
/// </summary>
public static class JiedanCli
{
    private const string Description = "Jiedan (接单): a self-hosted deal desk for freelance developers";

    private static RootCommand Root(string[] args)
    {
        var root = new RootCommand(Description);
        // 'jiedan loc' is timed from its first millisecond (a one-file tree): it builds its own command only, without
        // loading the other modules and the web host they are listed in.
        if (args is ["loc", ..])
        {
            foreach (var command in new LocModule().Commands()) root.Subcommands.Add(command);
            return root;
        }
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DbCommands.Create(JiedanModules.All));
        foreach (var command in BackupCommands.Create(JiedanModules.All)) root.Subcommands.Add(command);
        root.Subcommands.Add(DemoCommands.Create(JiedanModules.All));
        foreach (var command in JiedanModules.All.SelectMany(m => m.Commands())) root.Subcommands.Add(command);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var root = Root(args);
        // Exceptions come here, not to System.CommandLine's handler (which prints a stack trace and exits 1).
        var config = new InvocationConfiguration
        {
            Output = stdout ?? Console.Out, Error = stderr ?? Console.Error, EnableDefaultExceptionHandler = false,
        };
        return await CliInvocation.RunAsync(root, args, config, (e, parse) => Known(e, parse, config.Error));
    }

    private static int? Known(Exception e, ParseResult parse, TextWriter error)
    {
        switch (e)
        {
            case DatabaseNotMigratedException:
                error.WriteLine($"jiedan: {e.Message}");
                return ExitCodes.DatabaseError;
            case Jiedan.Domain.Calendar.CalendarFileException:
                error.WriteLine($"jiedan: {e.Message}");
                return ExitCodes.BadInput;
        }
        if (DatabaseFailure.Find(e) is not { } db) return null;
        error.WriteLine($"jiedan: database error ({DatabaseFailure.Describe(parse)}): {db.Message}");
        return ExitCodes.DatabaseError;
    }
}
