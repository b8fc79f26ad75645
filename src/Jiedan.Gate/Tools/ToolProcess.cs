using System.Diagnostics;

namespace Jiedan.Gate.Tools;

/// <summary>Runs an external tool with an argument list (no shell), optionally sending its standard output to a file.</summary>
internal static class ToolProcess
{
    public sealed record Result(int ExitCode, string StandardError);

    public static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static async Task<Result> RunAsync(string executable, IEnumerable<string> arguments, string workingDirectory, string? stdoutFile,
        CancellationToken ct)
    {
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {executable}");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        if (stdoutFile is not null)
        {
            await using var output = File.Create(stdoutFile);
            await process.StandardOutput.BaseStream.CopyToAsync(output, ct);
        }
        else
        {
            await process.StandardOutput.ReadToEndAsync(ct);
        }
        await process.WaitForExitAsync(ct);
        return new Result(process.ExitCode, await stderr);
    }
}
