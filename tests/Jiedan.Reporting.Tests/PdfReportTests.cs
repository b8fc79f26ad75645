using System.Diagnostics;
using System.Security.Cryptography;
using Jiedan.Reporting.Documents;
using UglyToad.PdfPig;

namespace Jiedan.Reporting.Tests;

// PdfPig (an independent PDF reader) is the reference for what a PDF contains; poppler's pdftotext, the usual
// command-line extractor, is a second opinion when it is installed.
public class PdfReportTests
{
    private const double A4Width = 595.28;
    private const double A4Height = 841.89;

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void Headings_and_table_cells_in_chinese_and_english_can_be_extracted()
    {
        using var pdf = PdfDocument.Open(PdfReport.Render(SampleReports.DeliveryGate()));

        var text = Squash(string.Concat(pdf.GetPages().Select(p => p.Text)));
        foreach (var expected in new[]
        {
            "交付清单 Delivery checklist", "质量门禁 Quality gate", "阶段耗时 Stage durations",
            "法务初审 LegalReview", "合同签署 Signed", "G404 in internal/auth/token.go", "D-2026-017", "未通过",
        })
        {
            Assert.Contains(Squash(expected), text);
        }
    }

    [Fact]
    public void Pages_are_a4_and_numbered_out_of_the_total()
    {
        var doc = SampleReports.DeliveryGate() with { Blocks = [.. SampleReports.DeliveryGate().Blocks, LongTable(120)] };

        using var pdf = PdfDocument.Open(PdfReport.Render(doc));

        Assert.True(pdf.NumberOfPages >= 3, $"expected the long table to need several pages, got {pdf.NumberOfPages}");
        foreach (var page in pdf.GetPages())
        {
            Assert.Equal(A4Width, page.Width, 0.5);
            Assert.Equal(A4Height, page.Height, 0.5);
            Assert.Contains(Squash($"第 {page.Number} 页，共 {pdf.NumberOfPages} 页"), Squash(page.Text));
        }
    }

    [Fact]
    public void A_table_longer_than_a_page_repeats_its_header_and_keeps_every_row()
    {
        var doc = new ReportDocument("Deals", [LongTable(120)]);

        using var pdf = PdfDocument.Open(PdfReport.Render(doc));

        var pages = pdf.GetPages().ToList();
        Assert.True(pages.Count >= 3);
        Assert.All(pages, page => Assert.Contains("客户Client", Squash(page.Text)));
        var text = Squash(string.Concat(pages.Select(p => p.Text)));
        for (var i = 1; i <= 120; i++)
            Assert.Contains($"D-{i:000}", text);
    }

    [Fact]
    public void Long_cell_text_wraps_inside_the_page()
    {
        var unbroken = string.Concat(Enumerable.Repeat("sha256:9f86d081884c7d659a2feaa0c55ad015", 6));
        var prose = string.Concat(Enumerable.Repeat("需求确认记录 requirement confirmation log ", 12));
        var doc = new ReportDocument("Wrap", [new Table(["证据 Evidence", "说明 Description"], [[unbroken, prose]])]);

        using var pdf = PdfDocument.Open(PdfReport.Render(doc));

        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        Assert.NotEmpty(letters);
        Assert.All(letters, letter => Assert.InRange(letter.BoundingBox.Right, 0, A4Width - 50));
        Assert.Contains(Squash(unbroken), Squash(string.Concat(pdf.GetPages().Select(p => p.Text))));
    }

    [Fact]
    public void Charts_are_embedded_as_images()
    {
        using var pdf = PdfDocument.Open(PdfReport.Render(SampleReports.DeliveryGate()));

        var images = pdf.GetPages().SelectMany(p => p.GetImages()).ToList();

        Assert.Single(images);
        Assert.True(images[0].WidthInSamples >= 1600, $"chart raster is only {images[0].WidthInSamples} pixels wide");
    }

    [Fact]
    public void Rendering_to_a_stream_writes_the_same_document()
    {
        using var stream = new MemoryStream();

        PdfReport.Render(SampleReports.DeliveryGate(), stream);

        Assert.Equal("%PDF-"u8.ToArray(), stream.ToArray()[..5]);
        using var pdf = PdfDocument.Open(stream.ToArray());
        Assert.Equal(PdfDocument.Open(PdfReport.Render(SampleReports.DeliveryGate())).NumberOfPages, pdf.NumberOfPages);
    }

    [Fact]
    public void The_same_document_gives_the_same_bytes_so_its_hash_can_be_recorded()
    {
        var first = PdfReport.Render(SampleReports.DeliveryGate());
        var second = PdfReport.Render(SampleReports.DeliveryGate());

        Assert.Equal(Convert.ToHexString(SHA256.HashData(first)), Convert.ToHexString(SHA256.HashData(second)));
    }

    [Fact]
    public void Pdftotext_reads_the_same_chinese_text()
    {
        Assert.SkipUnless(Poppler.IsInstalled, "poppler-utils (pdftotext) is not installed");
        var path = Path.Combine(Path.GetTempPath(), $"jiedan-report-{Guid.NewGuid():N}.pdf");
        try
        {
            File.WriteAllBytes(path, PdfReport.Render(SampleReports.DeliveryGate()));

            var text = Poppler.Run("pdftotext", "-enc", "UTF-8", path, "-");
            var fonts = Poppler.Run("pdffonts", path);

            Assert.Contains("交付清单 Delivery checklist", text);
            // 工 and 日 share glyphs with Kangxi radicals; the text must come out as the ideographs written.
            Assert.Contains("语句覆盖率 Statement coverage", text);
            Assert.Contains("法务初审 LegalReview", text);
            Assert.Contains("第 1 页，共", text);
            var fontRows = fonts.Split('\n').Skip(2).Where(l => l.Length > 0).ToList();
            Assert.NotEmpty(fontRows);
            Assert.All(fontRows, row => Assert.Matches(@"\syes\s+(yes|no)\s+yes\s", row));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Table LongTable(int rows) => new(
        ["编号 ID", "客户 Client", "金额 Amount"],
        [.. Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[$"D-{i:000}", $"客户 {i} 有限公司 Client {i} Ltd.", $"{i * 1000:N0}"])])
    {
        NumericColumns = [2],
    };
}

internal static class Poppler
{
    public static bool IsInstalled => File.Exists("/usr/bin/pdftotext") && File.Exists("/usr/bin/pdffonts");

    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8 };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
