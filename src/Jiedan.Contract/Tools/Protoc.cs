using System.Diagnostics;
using System.Globalization;
using System.Text;
using Jiedan.Files;

namespace Jiedan.Contract.Tools;

/// <summary>
/// Runs protoc on one generated .proto and returns its FileDescriptorSet (imports and source info included), what
/// <see cref="Parity.ContractParity"/> reads back. The file is written to a fresh temporary folder removed afterwards;
/// protoc runs with a time limit (its process tree killed past it), its messages are kept up to a bound, and the
/// descriptor set is read as a regular file up to a size cap.
/// </summary>
public sealed class Protoc(ProtocLocation location)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    public const int MaxMessageChars = 8 * 1024;
    public const long MaxDescriptorSetBytes = 32L << 20;

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public ProtocLocation Location => location;

    /// <exception cref="ProtocException">protoc is missing, failed, or did not finish in time.</exception>
    public async Task<byte[]> DescriptorSetAsync(string protoText, string fileName, CancellationToken ct)
    {
        if (!File.Exists(location.Executable)) throw new ProtocException($"protoc is missing at {location.Executable}");
        if (fileName.Contains('/', StringComparison.Ordinal) || fileName.StartsWith('.'))
            throw new ArgumentException("a plain file name is expected", nameof(fileName));
        var folder = Directory.CreateTempSubdirectory("jiedan-protoc-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, fileName), protoText, ct);
            var output = Path.Combine(folder, "set.pb");
            List<string> arguments = ["-I", folder];
            foreach (var root in location.ImportRoots) arguments.AddRange(["-I", root]);
            arguments.AddRange([$"--descriptor_set_out={output}", "--include_imports", "--include_source_info", fileName]);
            var (exit, messages) = await RunAsync(folder, arguments, ct);
            if (exit != 0) throw new ProtocException($"protoc failed ({exit.ToString(CultureInfo.InvariantCulture)}): {messages}");
            return RegularFile.ReadAllBytes(output, MaxDescriptorSetBytes, followLinks: false);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<(int Exit, string Messages)> RunAsync(string folder, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(location.Executable)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new ProtocException("protoc could not be started");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Timeout);
        var stdout = ReadBoundedAsync(process.StandardOutput);
        var stderr = ReadBoundedAsync(process.StandardError);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            ct.ThrowIfCancellationRequested();
            throw new ProtocException(string.Create(CultureInfo.InvariantCulture,
                $"protoc did not finish within {Timeout.TotalSeconds:0} s"));
        }
        var messages = ((await stdout) + (await stderr)).Trim();
        return (process.ExitCode, messages);
    }

    /// <summary>Keeps the first <see cref="MaxMessageChars"/> characters and drains the rest (protoc never blocks on a full
    /// pipe).</summary>
    private static async Task<string> ReadBoundedAsync(StreamReader reader)
    {
        var kept = new StringBuilder();
        var buffer = new char[4096];
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0)
        {
            var room = MaxMessageChars - kept.Length;
            if (room > 0) kept.Append(buffer, 0, Math.Min(room, n));
        }
        return kept.ToString();
    }
}
