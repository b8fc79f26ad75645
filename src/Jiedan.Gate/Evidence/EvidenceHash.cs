using System.Security.Cryptography;
using System.Text;

namespace Jiedan.Gate.Evidence;

/// <summary>
/// SHA-256 of the evidence bundle: the files sorted by name (ordinal), each contributing its name in UTF-8, a line
/// feed, its length in bytes as decimal digits, a line feed, its bytes and a line feed. The same files give the same
/// hash wherever the project lives; renaming, adding, removing or changing any file changes it.
/// </summary>
public static class EvidenceHash
{
    public static string Compute(IEnumerable<EvidenceFile> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var file in files.DistinctBy(f => f.Name).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            using var stream = EvidenceReader.Open(file);
            sha.AppendData(Encoding.UTF8.GetBytes($"{file.Name}\n{stream.Length}\n"));
            int read;
            while ((read = stream.Read(buffer)) > 0) sha.AppendData(buffer, 0, read);
            sha.AppendData("\n"u8);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
