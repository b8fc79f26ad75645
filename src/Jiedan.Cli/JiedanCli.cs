using System.CommandLine;
using Jiedan.Cli.Db;
using Jiedan.Cli.Serve;
using Jiedan.Common.Cli;
using Jiedan.Loc;
using Jiedan.Web.Host;

namespace Jiedan.Cli;

/// <summary>The root command: <c>serve</c>, <c>db</c>, and the commands of every module in <see cref="JiedanModules"/>.</summary>
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
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) config.Error.WriteLine($"jiedan: {e.Message}");
            config.Error.WriteLine("Run 'jiedan --help' for usage.");
            return ExitCodes.BadInput;
        }
        try
        {
            return await parse.InvokeAsync(config);
        }
        catch (DatabaseNotMigratedException e)
        {
            config.Error.WriteLine($"jiedan: {e.Message}");
            return ExitCodes.DatabaseError;
        }
        catch (Exception e) when (DatabaseFailure.Find(e) is { } db)
        {
            config.Error.WriteLine($"jiedan: database error ({DatabaseFailure.Describe(parse)}): {db.Message}");
            return ExitCodes.DatabaseError;
        }
        catch (Exception e) when (e is Jiedan.Domain.Calendar.CalendarFileException or FormatException)
        {
            config.Error.WriteLine($"jiedan: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
        catch (Exception e)
        {
            config.Error.WriteLine($"jiedan: unexpected error: {e}");
            return ExitCodes.CheckFailed;
        }
    }
}
