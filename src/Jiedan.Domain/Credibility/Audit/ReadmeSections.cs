using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Jiedan.Domain.Credibility.Audit;

/// <summary>The four parts a client looks for in a README.</summary>
public enum ReadmePart { QuickStart, Architecture, Extensibility, Testing }

/// <summary>A heading that names a part, its 1-based line, and (for Quick Start) the line of a runnable command block.</summary>
public sealed record ReadmeSection(ReadmePart Part, string Heading, int Line, int? CommandLine);

/// <summary>
/// Reads a README's headings with Markdig (ATX and setext, not lines that merely start with #) and maps them to the four
/// parts, in English or Chinese. Quick Start counts only when its section holds a fenced code block with a command a
/// reader can run (go, make, docker, curl, git, npm, ./script …, optionally after a <c>$ </c> prompt).
/// </summary>
public static partial class ReadmeSections
{
    private static readonly (ReadmePart Part, string[] English, string[] Chinese)[] Names =
    [
        (ReadmePart.QuickStart, ["quick start", "quickstart", "getting started", "get started", "usage"], ["快速开始", "快速上手", "开始使用", "快速入门"]),
        (ReadmePart.Architecture, ["architecture", "design"], ["架构", "设计"]),
        (ReadmePart.Extensibility, ["extensibility", "extending", "extend", "extensions", "plugins", "plugin"], ["可扩展性", "扩展", "插件"]),
        (ReadmePart.Testing, ["testing strategy", "testing", "tests", "test"], ["测试策略", "测试"]),
    ];

    [GeneratedRegex(@"^\s*(?:\$\s*)?(?:sudo\s+)?(?:go|make|docker|docker-compose|podman|curl|wget|git|"
        + @"npm|npx|yarn|pnpm|bash|sh|kubectl|helm|"
        + @"pip3?|python3?|cargo|brew|apt(?:-get)?|task|just|mage|\./[\w./-]+)(?:\s|$)", RegexOptions.Multiline)]
    private static partial Regex Command();

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static IReadOnlyList<ReadmeSection> Find(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        var headings = document.Descendants<HeadingBlock>().ToList();
        var lineStarts = LineStarts(markdown);
        var found = new List<ReadmeSection>();
        for (var h = 0; h < headings.Count; h++)
        {
            var heading = headings[h];
            var text = TextOf(heading.Inline);
            if (PartOf(text) is not { } part || found.Any(f => f.Part == part)) continue;
            int? command = null;
            if (part == ReadmePart.QuickStart)
            {
                var end = headings.Skip(h + 1).FirstOrDefault(n => n.Level <= heading.Level)?.Line ?? int.MaxValue;
                command = document.Descendants<FencedCodeBlock>()
                    .Where(c => c.Line > heading.Line && c.Line < end && IsShell(c.Info) && Command().IsMatch(c.Lines.ToString()))
                    .Select(c => (int?)c.Line + 1).FirstOrDefault();
            }
            // A setext heading's Line is its underline's; the reader wants the line of its text, where its span starts.
            found.Add(new ReadmeSection(part, text, LineOf(lineStarts, heading.Span.Start), command));
        }
        return found;
    }

    public static ReadmePart? PartOf(string heading)
    {
        var lower = heading.ToLowerInvariant();
        foreach (var (part, english, chinese) in Names)
        {
            if (chinese.Any(c => lower.Contains(c, StringComparison.Ordinal))) return part;
            if (english.Any(e => Regex.IsMatch(lower, @"(?<![a-z])" + Regex.Escape(e) + @"(?![a-z])", RegexOptions.None,
                    TimeSpan.FromSeconds(1)))) return part;
        }
        return null;
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') starts.Add(i + 1);
        return starts;
    }

    /// <summary>The 1-based line holding character <paramref name="offset"/>.</summary>
    private static int LineOf(List<int> lineStarts, int offset)
    {
        var i = lineStarts.BinarySearch(offset);
        return i >= 0 ? i + 1 : ~i;
    }

    private static bool IsShell(string? info) =>
        string.IsNullOrEmpty(info) || info.ToLowerInvariant() is "sh" or "bash" or "shell" or "console" or "zsh" or "shell-session"
            or "terminal" or "cmd" or "text" or "powershell" or "ps1";

    private static string TextOf(ContainerInline? inline)
    {
        if (inline is null) return "";
        var text = new System.Text.StringBuilder();
        foreach (var d in inline.Descendants())
        {
            if (d is LiteralInline literal) text.Append(literal.Content.ToString());
            else if (d is CodeInline code) text.Append(code.Content);
        }
        return text.ToString().Trim();
    }
}
