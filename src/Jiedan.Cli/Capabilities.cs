using System.CommandLine;
using Jiedan.Cli.Admin;
using Jiedan.Cli.Deals;
using Jiedan.Cli.Pipeline;
using Jiedan.Cli.Serve;

namespace Jiedan.Cli;

/// <summary>The list of top-level commands. A capability adds one line here.</summary>
internal static class Capabilities
{
    public static IEnumerable<Command> Commands() =>
    [
        ServeCommand.Create(),
        Db.DbCommands.Create(),
        DealsCommands.Create(),
        PipelineCommands.Create(),
        AdminCommands.Create(),
        Gate.GateCommands.Create(),
        Loc.LocCommands.Create(),
        Quote.QuoteCommands.Create(),
    ];
}
