using System.Text.Json;

namespace Jiedan.Loc.Cli;

/// <summary>`--json`: {"languages":[{"name","files","blank","comment","code"}…],"total":{…}} plus tests, generated, vendor and skipped
/// apart.</summary>
internal static class LocJsonWriter
{
    public static void Write(TextWriter output, LocReport report, bool byFile)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream,
                   new JsonWriterOptions { Indented = true,
                       Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            WriteLanguages(json, "languages", report.Languages);
            json.WritePropertyName("total");
            WriteTotals(json, report.Total);
            WriteLanguages(json, "tests", report.Tests);
            WriteLanguages(json, "generated", report.Generated);
            WriteLanguages(json, "vendor", report.Vendor);
            json.WriteStartObject("skipped");
            foreach (var group in report.Skipped.GroupBy(s => Reason(s.Reason)).OrderBy(g => g.Key, StringComparer.Ordinal))
                json.WriteNumber(group.Key, group.Count());
            json.WriteEndObject();
            json.WriteNumber("bytes", report.Bytes);
            json.WriteNumber("elapsedSeconds", Math.Round(report.Elapsed.TotalSeconds, 3));
            if (byFile)
            {
                json.WriteStartArray("files");
                foreach (var file in report.Files)
                {
                    json.WriteStartObject();
                    json.WriteString("path", file.Path);
                    json.WriteString("language", file.Language);
                    json.WriteNumber("blank", file.Lines.Blank);
                    json.WriteNumber("comment", file.Lines.Comment);
                    json.WriteNumber("code", file.Lines.Code);
                    json.WriteBoolean("test", file.Traits.IsTest);
                    json.WriteBoolean("generated", file.Traits.IsGenerated);
                    json.WriteBoolean("vendor", file.Traits.IsVendor);
                    json.WriteBoolean("inTotals", file.InTotals);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartArray("skippedFiles");
                foreach (var skipped in report.Skipped)
                {
                    json.WriteStartObject();
                    json.WriteString("path", skipped.Path);
                    json.WriteString("reason", skipped.Reason);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>"duplicate of a/b.go" and "unreadable: …" are grouped under their kind.</summary>
    private static string Reason(string reason)
    {
        var cut = reason.IndexOfAny([':', '(']);
        var kind = cut < 0 ? reason : reason[..cut];
        return kind.StartsWith("duplicate of", StringComparison.Ordinal) ? "duplicate" : kind.Trim();
    }

    private static void WriteLanguages(Utf8JsonWriter json, string name, IReadOnlyList<LanguageTotals> languages)
    {
        json.WriteStartArray(name);
        foreach (var language in languages) WriteTotals(json, language);
        json.WriteEndArray();
    }

    private static void WriteTotals(Utf8JsonWriter json, LanguageTotals totals)
    {
        json.WriteStartObject();
        json.WriteString("name", totals.Name);
        json.WriteNumber("files", totals.Files);
        json.WriteNumber("blank", totals.Blank);
        json.WriteNumber("comment", totals.Comment);
        json.WriteNumber("code", totals.Code);
        json.WriteNumber("bytes", totals.Bytes);
        json.WriteEndObject();
    }
}
