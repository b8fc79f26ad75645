using System.Text;

namespace Jiedan.Domain.Parsing;

/// <summary>
/// <see cref="TextReader.ReadLine"/> with caps: a line longer than <see cref="LineLimits.MaxLineChars"/> is refused
/// as soon as that many characters are read (ReadLine would buffer a 2 GB line whole), as is a line past
/// <see cref="LineLimits.MaxLines"/>. Lines end at <c>\n</c>; a trailing <c>\r</c> is dropped. The failure is made by
/// <paramref name="error"/> from the 1-based line number and a problem that does not quote the input.
/// </summary>
public static class BoundedLines
{
    public static IEnumerable<string> Read(TextReader reader, Func<long, string, Exception> error, LineLimits? limits = null)
    {
        limits ??= LineLimits.Default;
        var buffer = new char[8192];
        var line = new StringBuilder();
        long number = 0;
        int position = 0, length = 0;
        while (true)
        {
            if (position == length)
            {
                length = reader.Read(buffer, 0, buffer.Length);
                position = 0;
                if (length == 0) break;
            }
            var rest = buffer.AsSpan(position, length - position);
            var newline = rest.IndexOf('\n');
            var part = newline < 0 ? rest : rest[..newline];
            if (line.Length + part.Length > limits.MaxLineChars + 1)
                throw error(number + 1, $"line longer than {limits.MaxLineChars} characters");
            line.Append(part);
            if (newline < 0)
            {
                position = length;
                continue;
            }
            position += newline + 1;
            yield return Complete(line, ++number, limits, error);
        }
        if (line.Length > 0) yield return Complete(line, ++number, limits, error);
    }

    private static string Complete(StringBuilder line, long number, LineLimits limits, Func<long, string, Exception> error)
    {
        if (number > limits.MaxLines) throw error(number, $"more than {limits.MaxLines} lines");
        if (line.Length > 0 && line[^1] == '\r') line.Length--;
        if (line.Length > limits.MaxLineChars) throw error(number, $"line longer than {limits.MaxLineChars} characters");
        var text = line.ToString();
        line.Clear();
        return text;
    }
}
