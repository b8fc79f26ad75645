using System.CommandLine;
using Jiedan.Common.Cli;
using Jiedan.Loc.Cli;

// `jiedan-loc [PATH] [options]` is `jiedan loc [PATH] [options]`: the same command (LocCommands), and the same answers to
// bad usage, cancellation and failures as src/Jiedan.Cli/JiedanCli.cs gives for it.
var root = LocCommands.Configure(new RootCommand(LocCommands.Description));
var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
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
catch (FormatException e)
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
