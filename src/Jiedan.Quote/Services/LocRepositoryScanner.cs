using Jiedan.Loc;

namespace Jiedan.Quote.Services;

/// <summary>
/// Sizes a repository with <c>jiedan loc</c>'s defaults: code lines of every file in the totals (vendor directories and
/// generated files left out, .gitignore honoured, test code included since it is work delivered too).
/// </summary>
public sealed class LocRepositoryScanner : IRepositoryScanner
{
    public RepositoryScan Scan(string root, CancellationToken ct)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"{root} is not a directory");
        var report = LocCounter.Count(root, LocOptions.Default, ct);
        var files = report.Files.Where(f => f.InTotals).Select(f => Path.Combine(root, f.Path)).ToList();
        return new RepositoryScan(report.Total.Code, files);
    }
}
