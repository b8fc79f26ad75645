namespace Jiedan.Loc.Walking;

/// <summary>A file found by the walk, before it is read.</summary>
/// <param name="RelativePath">'/'-separated path from the scanned root (the file name when the root is a file).</param>
internal sealed record SourceFile(string FullPath, string RelativePath, bool InVendorDirectory);
