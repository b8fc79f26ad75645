using Jiedan.Cli;

namespace Jiedan.Testing;

/// <summary>What one in-process run of `jiedan` produced.</summary>
public sealed record CliResult(int Exit, string Out, string Err);

/// <summary>The `jiedan` command line in-process, through its real parser, with stdout and stderr captured.</summary>
public static class CommandLine
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await JiedanCli.RunAsync(args, stdout, stderr);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }
}
