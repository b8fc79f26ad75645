using System.IO.Compression;
using System.Security.Cryptography;
using Jiedan.Files;

namespace Jiedan.Cli.Backup;

/// <summary>
/// The backup file: a zip with exactly two entries, <c>manifest.json</c> and the data (<c>data.sqlite</c> or <c>data.dump</c>).
/// Written to a temporary file beside the destination and renamed into place only once complete and read back; read with
/// bounds (its signature first, only the two expected names, a capped manifest, data no longer than the manifest declares,
/// checked against its SHA-256), and never extracted anywhere but the one temporary file the caller names.
/// </summary>
public static class BackupArchive
{
    public const long MaxManifestBytes = 1024 * 1024;
    /// <summary>Deflate cannot expand more than ~1032:1; an entry claiming more is a lie (a zip bomb).</summary>
    private const long MaxExpansion = 1100;
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>Writes <paramref name="manifest"/> and <paramref name="dataFile"/> to <paramref name="destination"/> atomically.</summary>
    public static async Task WriteAsync(string destination, BackupManifest manifest, string dataFile, CancellationToken ct)
    {
        var full = Path.GetFullPath(destination);
        var temp = TempBeside(full);
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    var m = zip.CreateEntry(BackupManifest.ManifestEntry, CompressionLevel.Optimal);
                    await using (var w = await m.OpenAsync(ct)) await w.WriteAsync(manifest.ToJson(), ct);
                    var d = zip.CreateEntry(manifest.DataEntry, CompressionLevel.Optimal);
                    await using var dw = await d.OpenAsync(ct);
                    await using var source = File.OpenRead(dataFile);
                    await source.CopyToAsync(dw, ct);
                }
                stream.Flush(flushToDisk: true);
            }
            // Read back what was written, as restore will, before it takes the destination's name.
            var check = TempBeside(full);
            try
            {
                var reread = await ReadAsync(temp, check, ct);
                if (!string.Equals(reread.DataSha256, manifest.DataSha256, StringComparison.Ordinal))
                    throw new IOException($"{destination}: the written backup does not read back");
            }
            finally
            {
                File.Delete(check);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// Checks <paramref name="file"/> and extracts its data to <paramref name="dataOut"/> (created new); returns the manifest.
    /// Any problem is a <see cref="BackupFileException"/> naming the file; <paramref name="dataOut"/> is then left for the caller
    /// to delete.
    /// </summary>
    public static async Task<BackupManifest> ReadAsync(string file, string dataOut, CancellationToken ct)
    {
        FileStream stream;
        try
        {
            stream = RegularFile.OpenRead(file, long.MaxValue);
        }
        catch (Exception e) when (e is FileRefusedException or FileNotFoundException or UnauthorizedAccessException)
        {
            throw new BackupFileException(file, e is FileNotFoundException ? "no such file" : "cannot be read as a regular file");
        }
        await using var owner = stream;
        var head = new byte[4];
        if (await stream.ReadAtLeastAsync(head, 4, throwOnEndOfStream: false, ct) < 4 || !head.AsSpan().SequenceEqual(ZipSignature))
            throw new BackupFileException(file, "not a Jiedan backup (no zip signature)");
        stream.Position = 0;
        try
        {
            await using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count != 2)
                throw new BackupFileException(file, $"not a Jiedan backup ({zip.Entries.Count} entries, expected 2)");
            var manifestEntry = zip.GetEntry(BackupManifest.ManifestEntry)
                ?? throw new BackupFileException(file, "not a Jiedan backup (no manifest.json)");
            var manifest = BackupManifest.Parse(file, await ReadCappedAsync(file, manifestEntry, MaxManifestBytes, ct));
            var data = zip.GetEntry(manifest.DataEntry)
                ?? throw new BackupFileException(file, $"the entry {manifest.DataEntry} is missing");
            if (data.Length != manifest.DataSize)
                throw new BackupFileException(file, $"{manifest.DataEntry} has {data.Length} bytes, the manifest says {manifest.DataSize}");
            if (data.Length > Math.Max(1, data.CompressedLength) * MaxExpansion)
                throw new BackupFileException(file, $"{manifest.DataEntry} claims an impossible compression ratio");
            var sha = await ExtractAsync(file, data, dataOut, manifest.DataSize, ct);
            if (!string.Equals(sha, manifest.DataSha256, StringComparison.Ordinal))
                throw new BackupFileException(file, $"checksum mismatch: {manifest.DataEntry} is corrupt");
            return manifest;
        }
        catch (InvalidDataException)
        {
            throw new BackupFileException(file, "corrupt or truncated (the zip cannot be read)");
        }
    }

    public static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(s, ct));
    }

    /// <summary>A new temporary name in the folder of <paramref name="path"/>, so the final rename never crosses file systems.</summary>
    public static string TempBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");

    private static async Task<byte[]> ReadCappedAsync(string file, ZipArchiveEntry entry, long max, CancellationToken ct)
    {
        if (entry.Length > max) throw new BackupFileException(file, $"{entry.FullName} is larger than {max} bytes");
        await using var s = await entry.OpenAsync(ct);
        using var buffer = new MemoryStream();
        await CopyCappedAsync(file, entry.FullName, s, buffer, max, null, ct);
        return buffer.ToArray();
    }

    private static async Task<string> ExtractAsync(string file, ZipArchiveEntry entry, string dataOut, long size, CancellationToken ct)
    {
        await using var s = await entry.OpenAsync(ct);
        await using var output = new FileStream(dataOut, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var written = await CopyCappedAsync(file, entry.FullName, s, output, size, hash, ct);
        if (written != size) throw new BackupFileException(file, $"{entry.FullName} is truncated ({written} of {size} bytes)");
        output.Flush(flushToDisk: true);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<long> CopyCappedAsync(string file, string name, Stream from, Stream to, long max, IncrementalHash? hash,
        CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int n;
        while ((n = await from.ReadAsync(buffer, ct)) > 0)
        {
            total += n;
            if (total > max) throw new BackupFileException(file, $"{name} is longer than declared");
            hash?.AppendData(buffer, 0, n);
            await to.WriteAsync(buffer.AsMemory(0, n), ct);
        }
        return total;
    }
}
