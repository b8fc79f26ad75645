using System.Text.Json;
using Jiedan.Common.Cli;
using Jiedan.Contract.Services;
using Jiedan.Files;

namespace Jiedan.Contract.Cli;

/// <summary>
/// Writes a contract's files into the output folder all or nothing: everything is written into a fresh folder beside
/// it first, then moved in (the whole folder when the target does not exist yet, else file by file, each move atomic).
/// </summary>
internal static class ContractOutput
{
    public const string ParityFileName = "parity.json";

    /// <summary>The names written, in order: the .proto, openapi.yaml, parity.json.</summary>
    public static IReadOnlyList<string> Write(string folder, ContractResult result)
    {
        var target = Path.GetFullPath(folder);
        if (RegularFile.KindOf(target) is not (FileKind.Missing or FileKind.Directory))
            throw new IOException($"{folder}: exists and is not a directory");
        var parent = Path.GetDirectoryName(target) ?? throw new IOException($"{folder}: has no parent directory");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.jiedan-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var files = new (string Name, string Text)[]
            {
                (result.Contract.ProtoFileName, result.Contract.ProtoText),
                (result.Contract.OpenApiFileName, result.Contract.OpenApiYaml),
                (ParityFileName, JsonSerializer.Serialize(ParityView.From(result.Parity), CliOutput.Json) + "\n"),
            };
            foreach (var (name, text) in files) File.WriteAllText(Path.Combine(staging, name), text);
            if (RegularFile.KindOf(target) == FileKind.Missing) Directory.Move(staging, target);
            else
                foreach (var (name, _) in files) File.Move(Path.Combine(staging, name), Path.Combine(target, name), overwrite: true);
            return [.. files.Select(f => f.Name)];
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}
