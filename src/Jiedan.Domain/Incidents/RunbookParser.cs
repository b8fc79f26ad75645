using Jiedan.Domain.Parsing;
using Markdig;
using Markdig.Syntax;
using YamlDotNet.RepresentationModel;

namespace Jiedan.Domain.Incidents;

/// <summary>
/// Reads a Markdown runbook in the common format: optional YAML front matter (<c>alerts</c>, <c>matchers</c>,
/// <c>component</c>, <c>configuration_item</c>, <c>patch</c>, <c>keywords</c>), a <c># AlertName</c> title, then
/// <c>## Meaning</c>, <c>## Impact</c>, <c>## Diagnosis</c>, <c>## Mitigation</c> (and <c>## Rollback</c>) sections, in
/// English or Chinese (含义, 影响, 诊断, 处理). Errors name <c>source:line</c> and never quote the file.
/// </summary>
public static class RunbookParser
{
    public const int MaxChars = 256 * 1024;
    public const int MaxTitleChars = 200;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    public static KnowledgeEntry Parse(string text, string source)
    {
        if (text.Length > MaxChars) throw new IncidentFormatException($"{source}:1", $"larger than {MaxChars} characters");
        if (text.Contains('\0', StringComparison.Ordinal))
            throw new IncidentFormatException($"{source}:1", "a NUL character (binary file?)");
        var (front, body, bodyLine) = SplitFrontMatter(text, source);
        var document = Markdown.Parse(body, Pipeline);
        var headings = document.Descendants<HeadingBlock>().Where(h => h.Level <= 2).ToList();
        var title = headings.FirstOrDefault(h => h.Level == 1)
            ?? throw new IncidentFormatException($"{source}:{bodyLine}", "no '# AlertName' title");
        var titleText = Inline(body, title);
        if (titleText.Length is 0 or > MaxTitleChars)
            throw new IncidentFormatException($"{source}:{bodyLine + title.Line}", $"the title is empty or longer than {MaxTitleChars}");
        var sections = new Dictionary<Section, string>();
        for (var i = 0; i < headings.Count; i++)
        {
            if (headings[i].Level != 2 || SectionOf(Inline(body, headings[i])) is not { } section) continue;
            var start = headings[i].Span.End + 1;
            var end = i + 1 < headings.Count ? headings[i + 1].Span.Start : body.Length;
            sections[section] = start < end ? body[start..end].Trim() : "";
        }
        if (sections.Count == 0)
            throw new IncidentFormatException($"{source}:{bodyLine + title.Line}",
                "no Meaning, Impact, Diagnosis or Mitigation section ('## Meaning' …)");
        var entry = new KnowledgeEntry(titleText, source, bodyLine + title.Line)
        {
            Meaning = sections.GetValueOrDefault(Section.Meaning, ""),
            Impact = sections.GetValueOrDefault(Section.Impact, ""),
            Diagnosis = sections.GetValueOrDefault(Section.Diagnosis, ""),
            Mitigation = sections.GetValueOrDefault(Section.Mitigation, ""),
            Rollback = sections.GetValueOrDefault(Section.Rollback, ""),
        };
        return front is null ? entry : KnowledgeFields.Apply(entry, front, source, lineOffset: 1);
    }

    private enum Section { Meaning, Impact, Diagnosis, Mitigation, Rollback }

    private static Section? SectionOf(string heading) => heading.Trim().ToLowerInvariant() switch
    {
        "meaning" or "description" or "含义" or "说明" or "描述" => Section.Meaning,
        "impact" or "影响" => Section.Impact,
        "diagnosis" or "诊断" or "排查" => Section.Diagnosis,
        "mitigation" or "resolution" or "fix" or "处理" or "处置" or "缓解" or "解决" => Section.Mitigation,
        "rollback" or "回滚" => Section.Rollback,
        _ => null,
    };

    private static string Inline(string body, HeadingBlock h) =>
        h.Inline is { } inline && inline.Span.Length > 0 ? body.Substring(inline.Span.Start, inline.Span.Length).Trim().Trim('`') : "";

    /// <summary>Front matter between a first line <c>---</c> and the next <c>---</c>; the body's first line number.</summary>
    private static (YamlMappingNode? Front, string Body, int BodyLine) SplitFrontMatter(string text, string source)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!normalized.StartsWith("---\n", StringComparison.Ordinal)) return (null, normalized, 1);
        var close = normalized.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (close < 0) throw new IncidentFormatException($"{source}:1", "front matter opened with '---' is never closed");
        var yaml = normalized[4..(close + 1)];
        var afterClose = normalized.IndexOf('\n', close + 1);
        var body = afterClose < 0 ? "" : normalized[(afterClose + 1)..];
        var bodyLine = normalized[..(afterClose < 0 ? normalized.Length : afterClose + 1)].Count(c => c == '\n') + 1;
        YamlStream stream;
        // Line numbers of the front matter are one below the document's (the '---' line).
        try { stream = BoundedYaml.Load(yaml); }
        catch (PositionedParseException e) { throw new IncidentFormatException($"{source}:{e.Line + 1}", e.Problem); }
        if (stream.Documents.Count == 0) return (null, body, bodyLine);
        return stream.Documents[0].RootNode is YamlMappingNode map
            ? (map, body, bodyLine)
            : throw new IncidentFormatException($"{source}:2", "front matter is not a mapping of keys");
    }
}
