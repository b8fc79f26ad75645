namespace Jiedan.Quote.Services;

/// <summary>What the quote needs from a repository: its effective (code) lines and the source files to read for debt markers.</summary>
public sealed record RepositoryScan(long EffectiveLines, IReadOnlyList<string> SourceFiles);

/// <summary>Counts a repository for the size layer. The real implementation is <c>jiedan loc</c>'s counter.</summary>
public interface IRepositoryScanner
{
    /// <exception cref="DirectoryNotFoundException">the path does not exist.</exception>
    /// <exception cref="IOException">the tree cannot be read.</exception>
    RepositoryScan Scan(string root, CancellationToken ct);
}
