using System.Globalization;
using CsCheck;
using CsvHelper;
using Jiedan.Domain.Parsing;
using Jiedan.Loc.Cli;
using Jiedan.Testing.Properties;

namespace Jiedan.Loc.Tests.Cli;

/// <summary>`--csv` is written without CsvHelper (the native jiedan-loc cannot carry it); every cell must come out exactly as CsvHelper
/// writes it under the shared <see cref="CsvFormulas.WriterConfiguration"/>, formula escaping included.</summary>
public sealed class LocCsvWriterProperties
{
    [Fact]
    public void Every_cell_is_written_as_CsvHelper_writes_it_with_formulas_escaped()
    {
        var edges = Gen.OneOf("", " ", "\"", "=1", "\"=1\"", " =1", "'x", "-", "a,b", "\r", "\n");
        var cells = Gen.Frequency((3, HostileText.Text()), (1, edges));
        cells.Array[1, 4].Sample(row =>
        {
            Assert.Equal(CsvHelperRow(row), string.Join(',', row.Select(LocCsvWriter.Field)) + "\r\n");
        }, iter: HostileText.Iterations * 5);
    }

    [Fact]
    public void A_cell_a_spreadsheet_would_run_is_quoted_behind_an_apostrophe()
    {
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\"", LocCsvWriter.Field("=HYPERLINK(\"x\")"));
        Assert.Equal("\"'-rf.go\"", LocCsvWriter.Field("-rf.go"));
        Assert.Equal("\"a,b.go\"", LocCsvWriter.Field("a,b.go"));
        Assert.Equal("main.go", LocCsvWriter.Field("main.go"));
    }

    private static string CsvHelperRow(string[] row)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CsvFormulas.WriterConfiguration(), leaveOpen: true))
        {
            foreach (var cell in row) csv.WriteField(cell);
            csv.NextRecord();
        }
        return text.ToString();
    }
}
