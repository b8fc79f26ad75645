using System.Globalization;
using Spectre.Console;

namespace Jiedan.Loc.Cli;

/// <summary>The table for people: a Spectre.Console table on a terminal, plain aligned text when redirected.</summary>
internal static class LocTableWriter
{
    public static void Write(TextWriter output, LocReport report, bool byFile)
    {
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var sections = new List<(string Title, IReadOnlyList<LanguageTotals> Rows, LanguageTotals? Total)>
        {
            ("Language 语言", report.Languages, report.Total),
        };
        if (report.Tests.Count > 0) sections.Add(("Tests 测试|in the totals unless --exclude-tests", report.Tests, null));
        if (report.Generated.Count > 0) sections.Add(("Generated 生成|in the totals only with --include-generated", report.Generated, null));
        if (report.Vendor.Count > 0) sections.Add(("Vendor 第三方|in the totals only with --include-vendor", report.Vendor, null));

        if (interactive) WriteSpectre(report, byFile, sections);
        else WritePlain(output, report, byFile, sections);
    }

    private static void WriteSpectre(LocReport report, bool byFile,
        List<(string Title, IReadOnlyList<LanguageTotals> Rows, LanguageTotals? Total)> sections)
    {
        if (byFile)
        {
            var files = new Table().Border(TableBorder.Rounded).AddColumns("File 文件", "Language", "Blank 空行", "Comment 注释", "Code 代码");
            foreach (var column in files.Columns.Skip(2)) column.RightAligned();
            foreach (var f in report.Files.Where(f => f.InTotals))
                files.AddRow(Markup.Escape(f.Path), Markup.Escape(f.Language), N(f.Lines.Blank), N(f.Lines.Comment), N(f.Lines.Code));
            AnsiConsole.Write(files);
        }
        foreach (var (title, rows, total) in sections)
        {
            var parts = title.Split('|');
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns(Markup.Escape(parts[0]), "Files 文件", "Blank 空行", "Comment 注释", "Code 代码");
            if (parts.Length > 1) table.Caption($"[grey]{Markup.Escape(parts[1])}[/]");
            foreach (var column in table.Columns.Skip(1)) column.RightAligned();
            foreach (var row in rows) table.AddRow(Markup.Escape(row.Name), N(row.Files), N(row.Blank), N(row.Comment), N(row.Code));
            if (total is not null)
            {
                table.AddEmptyRow();
                table.AddRow("[bold]SUM 合计[/]", $"[bold]{N(total.Files)}[/]", $"[bold]{N(total.Blank)}[/]", $"[bold]{N(total.Comment)}[/]",
                    $"[bold]{N(total.Code)}[/]");
            }
            AnsiConsole.Write(table);
        }
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(Footer(report))}[/]");
    }

    private static void WritePlain(TextWriter output, LocReport report, bool byFile,
        List<(string Title, IReadOnlyList<LanguageTotals> Rows, LanguageTotals? Total)> sections)
    {
        if (byFile)
        {
            var width = Math.Max(20, report.Files.Where(f => f.InTotals).Select(f => f.Path.Length).DefaultIfEmpty(0).Max());
            output.WriteLine($"{"File".PadRight(width)} {"Language",-20} {"blank",10} {"comment",10} {"code",10}");
            foreach (var f in report.Files.Where(f => f.InTotals))
                output.WriteLine($"{f.Path.PadRight(width)} {f.Language,-20} {f.Lines.Blank,10} {f.Lines.Comment,10} {f.Lines.Code,10}");
            output.WriteLine();
        }
        foreach (var (title, rows, total) in sections)
        {
            var width = Math.Max(24, rows.Select(r => r.Name.Length).DefaultIfEmpty(0).Max());
            var header = $"{title.Split(' ')[0].PadRight(width)} {"files",10} {"blank",10} {"comment",10} {"code",10}";
            output.WriteLine(new string('-', header.Length));
            output.WriteLine(header);
            output.WriteLine(new string('-', header.Length));
            foreach (var row in rows) output.WriteLine($"{row.Name.PadRight(width)} {row.Files,10} {row.Blank,10}" +
                $" {row.Comment,10} {row.Code,10}");
            if (total is not null)
            {
                output.WriteLine(new string('-', header.Length));
                output.WriteLine($"{"SUM:".PadRight(width)} {total.Files,10} {total.Blank,10} {total.Comment,10} {total.Code,10}");
            }
            output.WriteLine(new string('-', header.Length));
            output.WriteLine();
        }
        output.WriteLine(Footer(report));
    }

    private static string Footer(LocReport report) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{report.Total.Files} files, {report.Bytes / 1e6:F1} MB in {report.Elapsed.TotalSeconds:F3} s" +
            $" ({report.Bytes / 1e6 / Math.Max(report.Elapsed.TotalSeconds, 1e-9):F0} MB/s); {report.Skipped.Count} skipped");

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
