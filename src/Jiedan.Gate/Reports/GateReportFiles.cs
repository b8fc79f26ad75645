using System.Text;
using Jiedan.Reporting.Documents;

namespace Jiedan.Gate.Reports;

/// <summary>
/// Writes the deliverables: gate.html, gate.pdf, gate.json, gate.junit.xml and gate.md. Everything is rendered in
/// memory first and then written, so bad input never leaves half a set behind.
/// </summary>
public static class GateReportFiles
{
    public sealed record Rendered(string Html, byte[] Pdf, string Json, byte[] JUnit, string Markdown);

    public static Rendered Render(GateOutcome outcome, string language)
    {
        var doc = GateReportDocument.Build(outcome, language);
        using var junit = new MemoryStream();
        GateJUnit.Write(outcome, junit);
        return new Rendered(HtmlReport.Render(doc), PdfReport.Render(doc), GateJson.Serialize(outcome), junit.ToArray(),
            MarkdownReport.Render(doc));
    }


    public static IReadOnlyList<string> Write(Rendered r, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var utf8 = new UTF8Encoding(false);
        var files = new (string Name, byte[] Bytes)[]
        {
            ("gate.html", utf8.GetBytes(r.Html)),
            ("gate.pdf", r.Pdf),
            ("gate.json", utf8.GetBytes(r.Json)),
            ("gate.junit.xml", r.JUnit),
            ("gate.md", utf8.GetBytes(r.Markdown)),
        };
        var written = new List<string>();
        foreach (var (name, bytes) in files)
        {
            var path = Path.Combine(outDir, name);
            var temp = path + ".tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
            written.Add(path);
        }
        return written;
    }
}
