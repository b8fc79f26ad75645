using System.Diagnostics;
using System.Text;

namespace Jiedan.Testing;

/// <summary>Runs an external tool with its output captured, killed (with its children) at a time limit.</summary>
public static class ToolProcess
{
    public static ToolResult Run(string file, string workingDirectory, TimeSpan limit, IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = new Process { StartInfo = start };
        var (stdout, stderr) = (new StringBuilder(), new StringBuilder());
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            var command = $"{Path.GetFileName(file)} {string.Join(' ', arguments)}";
            throw new TimeoutException($"{command} did not finish within {limit.TotalSeconds} s");
        }
        process.WaitForExit(); // drains the output events
        return new ToolResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }
}
