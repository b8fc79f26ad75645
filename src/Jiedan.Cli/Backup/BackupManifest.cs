using System.Text.Json;
using Jiedan.Common.Storage;

namespace Jiedan.Cli.Backup;

/// <summary>
/// What a backup file says about itself (<c>manifest.json</c>): its format, the provider it came from, the migrations each
/// context had applied, the rows of every table, and the size and SHA-256 of its one data entry.
/// </summary>
public sealed record BackupManifest(
    string Format,
    int FormatVersion,
    DatabaseProvider Provider,
    DateTimeOffset CreatedAt,
    string DataEntry,
    long DataSize,
    string DataSha256,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Migrations,
    IReadOnlyDictionary<string, long> Tables)
{
    public const string FormatName = "jiedan-backup";
    public const int CurrentVersion = 1;
    public const string ManifestEntry = "manifest.json";

    public static string DataEntryFor(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? "data.sqlite" : "data.dump";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Jiedan.Common.Cli.CliOutput.Json);

    /// <summary>Parses and checks a manifest; every problem is a <see cref="BackupFileException"/> naming the file.</summary>
    public static BackupManifest Parse(string file, byte[] json)
    {
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(json, Jiedan.Common.Cli.CliOutput.Json);
        }
        catch (JsonException e)
        {
            throw new BackupFileException(file, $"manifest.json is not valid ({Jiedan.Domain.Parsing.BoundedJson.Describe(e)})");
        }
        if (manifest is null || !string.Equals(manifest.Format, FormatName, StringComparison.Ordinal))
            throw new BackupFileException(file, "manifest.json does not describe a Jiedan backup");
        if (manifest.FormatVersion != CurrentVersion)
            throw new BackupFileException(file, $"backup format version {manifest.FormatVersion} is not supported (this build reads "
                + $"version {CurrentVersion}); use the Jiedan version that wrote it");
        if (!string.Equals(manifest.DataEntry, DataEntryFor(manifest.Provider), StringComparison.Ordinal))
            throw new BackupFileException(file, "manifest.json: field 'dataEntry' does not match the provider");
        if (manifest.DataSize < 0) throw new BackupFileException(file, "manifest.json: field 'dataSize' is negative");
        if (manifest.DataSha256 is not { Length: 64 } || !manifest.DataSha256.All(char.IsAsciiHexDigitLower))
            throw new BackupFileException(file, "manifest.json: field 'dataSha256' is not a SHA-256 in lowercase hex");
        if (manifest.Migrations is null || manifest.Tables is null || manifest.Tables.Values.Any(v => v < 0))
            throw new BackupFileException(file, "manifest.json: fields 'migrations' and 'tables' are required");
        return manifest;
    }
}
