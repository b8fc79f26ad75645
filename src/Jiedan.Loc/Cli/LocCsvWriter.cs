using System.Globalization;
using CsvHelper;
using Jiedan.Domain.Parsing;

namespace Jiedan.Loc.Cli;

/// <summary>
/// `--csv` (formula cells escaped, see <see cref="CsvFormulas"/>): language,files,blank,comment,code (or path,language,blank,comment,code
/// with --by-file),
/// then a SUM row.
/// </summary>
internal static class LocCsvWriter
{
    public static void Write(TextWriter output, LocReport report, bool byFile)
    {
        using var csv = new CsvWriter(output, CsvFormulas.WriterConfiguration(), leaveOpen: true);
        if (byFile)
        {
            foreach (var header in new[] { "path", "language", "blank", "comment", "code" }) csv.WriteField(header);
            csv.NextRecord();
            foreach (var file in report.Files.Where(f => f.InTotals))
            {
                csv.WriteField(file.Path);
                csv.WriteField(file.Language);
                csv.WriteField(file.Lines.Blank.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(file.Lines.Comment.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(file.Lines.Code.ToString(CultureInfo.InvariantCulture));
                csv.NextRecord();
            }
        }
        else
        {
            foreach (var header in new[] { "language", "files", "blank", "comment", "code" }) csv.WriteField(header);
            csv.NextRecord();
            foreach (var language in report.Languages.Append(report.Total))
            {
                csv.WriteField(language.Name);
                csv.WriteField(language.Files.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(language.Blank.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(language.Comment.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(language.Code.ToString(CultureInfo.InvariantCulture));
                csv.NextRecord();
            }
        }
        csv.Flush();
    }
}
