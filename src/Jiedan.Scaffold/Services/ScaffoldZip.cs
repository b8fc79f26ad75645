using System.IO.Compression;
using System.Text;
using Jiedan.Domain.Scaffold;

namespace Jiedan.Scaffold.Services;

/// <summary>A scaffold as a zip download: every file under one folder named after the service.</summary>
public static class ScaffoldZip
{
    public static byte[] Pack(string folder, IReadOnlyList<ScaffoldFile> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry($"{folder}/{file.Path}", CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(new UTF8Encoding(false).GetBytes(file.Text));
            }
        }
        return buffer.ToArray();
    }
}
