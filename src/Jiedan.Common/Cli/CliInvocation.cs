using System.CommandLine;

namespace Jiedan.Common.Cli;

/// <summary>
/// How every jiedan entry point (the CLI and the native <c>jiedan-loc</c>) answers: a parse error is exit 2 with the usage
/// hint, an exception a command's caller knows is mapped by <paramref name="known"/>, a FormatException is bad input,
/// cancellation is 130, anything else is reported with its stack and exit 1 (never System.CommandLine's handler).
/// Kept free of other Jiedan types: the native line counter compiles this file on its own.
/// </summary>
public static class CliInvocation
{
    public static async Task<int> RunAsync(RootCommand root, string[] args, InvocationConfiguration config,
        Func<Exception, ParseResult, int?>? known = null)
    {
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
        catch (Exception e) when (known?.Invoke(e, parse) is { } exit)
        {
            return exit;
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
    }
}
