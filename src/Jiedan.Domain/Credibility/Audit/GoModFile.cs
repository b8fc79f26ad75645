namespace Jiedan.Domain.Credibility.Audit;

/// <summary>The <c>module</c> directive of a go.mod: its path (quotes removed) and 1-based line.</summary>
public static class GoModFile
{
    public static (string Path, int Line)? ModulePath(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            var content = raw;
            var comment = content.IndexOf("//", StringComparison.Ordinal);
            if (comment >= 0) content = content[..comment];
            content = content.Trim();
            if (!content.StartsWith("module", StringComparison.Ordinal) || content.Length <= 6 || !char.IsWhiteSpace(content[6]))
                continue;
            var path = content[6..].Trim().Trim('"', '`');
            return path.Length == 0 ? null : (path, line);
        }
        return null;
    }
}
