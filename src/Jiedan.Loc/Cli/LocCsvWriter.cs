using System.Globalization;
using Jiedan.Domain.Parsing;

namespace Jiedan.Loc.Cli;

/// <summary>
/// `--csv`: language,files,blank,comment,code (or path,language,blank,comment,code with --by-file), then a SUM row.
/// Written by hand, byte for byte as CsvHelper writes with <see cref="CsvFormulas.WriterConfiguration"/> (formula cells escaped;
/// a property test holds the two equal), because CsvHelper's record mapping is reflection that the native `jiedan-loc` cannot
/// carry warning-free.
/// </summary>
internal static class LocCsvWriter
{
    private const string NewLine = "\r\n";

    public static void Write(TextWriter output, LocReport report, bool byFile)
    {
        if (byFile)
        {
            Row(output, "path", "language", "blank", "comment", "code");
            foreach (var file in report.Files.Where(f => f.InTotals))
                Row(output, file.Path, file.Language, N(file.Lines.Blank), N(file.Lines.Comment), N(file.Lines.Code));
        }
        else
        {
            Row(output, "language", "files", "blank", "comment", "code");
            foreach (var language in report.Languages.Append(report.Total))
                Row(output, language.Name, N(language.Files), N(language.Blank), N(language.Comment), N(language.Code));
        }
        output.Flush();
    }

    private static void Row(TextWriter output, params ReadOnlySpan<string> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) output.Write(',');
            output.Write(Field(fields[i]));
        }
        output.Write(NewLine);
    }

    /// <summary>One cell: quoted (quotes doubled) when it holds a quote, comma, CR or LF or starts or ends with a space; then, when it
    /// would start a formula, the escape character put in front of it.</summary>
    internal static string Field(string value)
    {
        var quoted = value.Length > 0 && (value.Contains('"', StringComparison.Ordinal) || value[0] == ' ' || value[^1] == ' '
            || value.Contains(',', StringComparison.Ordinal) || value.AsSpan().IndexOfAny('\r', '\n') >= 0);
        if (quoted) return CsvFormulas.StartsFormula(value[0]) ? $"\"{CsvFormulas.Escape}{Doubled(value)}\"" : $"\"{Doubled(value)}\"";
        return value.Length > 0 && CsvFormulas.StartsFormula(value[0]) ? $"\"{CsvFormulas.Escape}{value}\"" : value;
    }

    private static string Doubled(string value) => value.Replace("\"", "\"\"", StringComparison.Ordinal);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
