using System.CommandLine;

namespace Jiedan.Cli;

/// <summary>The list of top-level commands. A capability adds one line here.</summary>
internal static class Capabilities
{
    public static IEnumerable<Command> Commands() =>
    [
        Gate.GateCommands.Create(),
        Loc.LocCommands.Create(),
    ];
}
