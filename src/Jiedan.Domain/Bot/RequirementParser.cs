using System.Text.RegularExpressions;
using Jiedan.Domain.Currencies;

namespace Jiedan.Domain.Bot;

/// <summary>
/// Turns free chat text (Chinese, English or both) into numbered items with acceptance criteria, a deadline and a budget.
/// List entries (1. 1、 ① 一、 - • 1️⃣ or an emoji at the start of a line) are items; other text gives one item per
/// sentence. Clauses that only state the budget or deadline, greet or thank, or head a list are not part of any item,
/// and a budget or deadline phrase at either end of a clause is cut off. A voice-to-text run without punctuation is cut
/// at its budget and deadline phrases and at connectives (然后, 还有, also). The corpus in
/// tests/Jiedan.Domain.Tests/Bot/Corpus shows the messages this is held to.
/// </summary>
public static partial class RequirementParser
{
    /// <summary>Chat platforms cap a message far below this (Telegram 4,096); text past it is not read.</summary>
    public const int MaxChars = 8_000;

    /// <summary>
    /// Each pattern is linear in practice (bounded repeats, no nested quantifiers; whitespace runs are collapsed first); the
    /// timeout is the backstop. The non-backtracking engine is not used: on .NET 10 it skipped "1,000 USD" in
    /// "3 pages 1,000 USD" for a pattern with an optional currency prefix, which the backtracking engine finds.
    /// </summary>
    internal const int RegexTimeoutMs = 1_000;

    /// <summary>The items, deadline and budget of a message; none of them if its text defeats the patterns' time bound.</summary>
    public static RequirementDraft Parse(string text, DateOnly sentOn)
    {
        try { return Read(text, sentOn); }
        catch (RegexMatchTimeoutException) { return new RequirementDraft([], null, null); }
    }

    private static RequirementDraft Read(string text, DateOnly sentOn)
    {
        if (text.Length > MaxChars) text = text[..MaxChars];
        var reading = new Reading(sentOn, text.Any(ch => ch is >= '\u4e00' and <= '\u9fff'));
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var listed = false;
        var isList = lines.Any(l => EntryStart(RequirementText.Normalize(l, out var led)) > 0 || led);
        foreach (var raw in lines)
        {
            var line = RequirementText.Normalize(raw, out var emojiLed);
            if (line.Trim().Length == 0) continue;
            var spans = reading.Spans(line);
            var marker = emojiLed ? 0 : EntryStart(line);
            if (emojiLed || marker > 0)
            {
                listed = true;
                reading.AddUnit(line, marker, line.Length, spans, entry: true);
            }
            else if (isList && listed && char.IsWhiteSpace(raw[0]) && reading.HasItems) reading.Continue(line, spans);
            else if (RequirementClauses.IsVoiceRun(line)) reading.AddVoiceRun(line, spans);
            else
                foreach (var (start, end) in Sentences(line, spans))
                    reading.AddUnit(line, start, end, spans, entry: false);
        }
        return reading.Draft();
    }

    public static Money? FindBudget(string text) => Parse(text, new DateOnly(2000, 1, 3)).Budget;

    public static DateOnly? FindDeadline(string text, DateOnly sentOn) => Parse(text, sentOn).Deadline;

    /// <summary>Where the text of a list entry starts (after "1." "(2)" "③" "四、" "-"), or 0 for a line that is no entry.</summary>
    private static int EntryStart(string line)
    {
        var m = ItemStart().Match(line);
        if (!m.Success || m.Length == 0) return 0;
        // "1.5版本的App" is a version number, not item 1.
        if (m.Value.TrimEnd().EndsWith('.') && m.Length < line.Length && char.IsAsciiDigit(line[m.Length])) return 0;
        return m.Length;
    }

    /// <summary>Sentences end at 。！？!?；; and at a full stop before a space, never inside a budget or deadline phrase.</summary>
    private static IEnumerable<(int Start, int End)> Sentences(string line, IReadOnlyList<TermSpan> spans)
    {
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (spans.Any(s => i >= s.Start && i < s.End)) continue;
            var c = line[i];
            var ends = c is '。' or '！' or '？' or '!' or '?' or '；' or ';' or '…'
                || c == '.' && (i + 1 == line.Length || char.IsWhiteSpace(line[i + 1]));
            if (!ends) continue;
            yield return (start, i + 1);
            start = i + 1;
        }
        if (start < line.Length) yield return (start, line.Length);
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^\s*(?:[(（]?\d{1,2}\s*[.)、）]|[(（]\d{1,2}[)）]|[①-⑳]|[一二三四五六七八九十]{1,2}\s*[、.．]|[-*•·▪◦])\s*",
        Options, RegexTimeoutMs)]
    private static partial Regex ItemStart();
}
