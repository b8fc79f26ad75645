using System.CommandLine;
using Jiedan.Common.Modules;
using Jiedan.Loc.Cli;

namespace Jiedan.Loc;

/// <summary>The line counter: <c>jiedan loc</c> only (the quote module counts repositories through <see cref="LocCounter"/>).</summary>
public sealed class LocModule : IJiedanModule
{
    public IEnumerable<Command> Commands() => [LocCommands.Create()];
}
