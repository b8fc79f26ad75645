using System.Diagnostics;
using System.Text;

namespace Jiedan.Credibility.Audit;

/// <summary>
/// Runs a program with an argument list (never a shell), keeping at most <c>maxOutput</c> bytes of its standard output
/// and the first line of its standard error, and killing it (with its children) when it runs past the timeout or
/// writes more than that. The audit runs git this way on repositories it does not trust.
/// </summary>
internal static class BoundedProcess
{
    public sealed record Result(int ExitCode, string Output, string FirstErrorLine, bool Truncated, bool TimedOut)
    {
        public bool Ok => ExitCode == 0 && !Truncated && !TimedOut;
    }

    public static async Task<Result> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, int maxOutput,
        TimeSpan timeout, CancellationToken ct, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        if (environment is not null) foreach (var (k, v) in environment) info.Environment[k] = v;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        process.StandardInput.Close();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var stderr = ReadBoundedAsync(process.StandardError, 4096, limit.Token, drain: true);
        var truncated = false;
        var timedOut = false;
        string output;
        try
        {
            (output, truncated) = await ReadBoundedAsync(process.StandardOutput, maxOutput, limit.Token);
            if (truncated) Kill(process);
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Kill(process);
            timedOut = true;
            output = "";
        }
        finally
        {
            if (!process.HasExited) Kill(process);
        }
        if (!process.HasExited) await process.WaitForExitAsync(CancellationToken.None);
        var error = "";
        try { error = (await stderr).Text; }
        catch (OperationCanceledException) { }
        var firstLine = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "";
        return new Result(process.ExitCode, output, firstLine, truncated, timedOut);
    }

    /// <summary>Keeps at most <paramref name="max"/> characters; past that, stops (the caller kills the process) or, with
    /// <paramref name="drain"/>, keeps reading without keeping, so a chatty stream cannot block the process.</summary>
    private static async Task<(string Text, bool Truncated)> ReadBoundedAsync(StreamReader reader, int max, CancellationToken ct,
        bool drain = false)
    {
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        var truncated = false;
        int read;
        while ((read = await reader.ReadAsync(buffer, ct)) > 0)
        {
            if (truncated) continue;
            if (text.Length + read > max)
            {
                truncated = true;
                if (!drain) break;
                continue;
            }
            text.Append(buffer, 0, read);
        }
        return (text.ToString(), truncated);
    }

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already exited
    }
}
