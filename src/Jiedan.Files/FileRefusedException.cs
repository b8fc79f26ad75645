namespace Jiedan.Files;

/// <summary>
/// A file Jiedan will not read: not a regular file, too large, or outside the root it must stay in. The message names
/// the path (and the document field, when there is one) and the problem, never the file's content.
/// An <see cref="IOException"/>, so callers that already skip unreadable files skip these too.
/// </summary>
public sealed class FileRefusedException(string path, string problem, string? field = null)
    : IOException(field is null ? $"{path}: {problem}" : $"{field}: {path}: {problem}")
{
    public string Path { get; } = path;
    public string Problem { get; } = problem;
    public string? Field { get; } = field;
}
