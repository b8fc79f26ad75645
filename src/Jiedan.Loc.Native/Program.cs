using System.CommandLine;
using Jiedan.Common.Cli;
using Jiedan.Loc.Cli;

// `jiedan-loc [PATH] [options]` is `jiedan loc [PATH] [options]`: the same command (LocCommands), and the same answers to
// bad usage, cancellation and failures as src/Jiedan.Cli/JiedanCli.cs gives for it.
var root = LocCommands.Configure(new RootCommand(LocCommands.Description));
var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
return await CliInvocation.RunAsync(root, args, config);
