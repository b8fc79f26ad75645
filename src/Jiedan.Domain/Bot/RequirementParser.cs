using System.Globalization;
using System.Text.RegularExpressions;
using Jiedan.Domain.Currencies;

namespace Jiedan.Domain.Bot;

/// <summary>
/// Turns free chat text (Chinese or English) into numbered items with acceptance criteria, a deadline and a budget.
/// Numbered or bulleted lines are items; without numbering, sentences are. Lines that only state the
/// deadline or budget are not items.
/// </summary>
public static partial class RequirementParser
{
    public static RequirementDraft Parse(string text, DateOnly sentOn)
    {
        var budget = FindBudget(text);
        var deadline = FindDeadline(text, sentOn);
        var items = new List<(string Text, string? Acceptance)>();
        var numbered = text.Split('\n').Any(l => ItemStart().IsMatch(l));
        foreach (var rawLine in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || IsHeading(line) || IsOnlyTerms(line)) continue;
            var acceptance = AcceptanceMarker().Match(line);
            if (acceptance.Success && acceptance.Index == 0 && items.Count > 0)
            {
                items[^1] = (items[^1].Text, Join(items[^1].Acceptance, line[acceptance.Length..].Trim()));
                continue;
            }
            var start = ItemStart().Match(line);
            if (numbered && !start.Success && items.Count > 0)
            {
                items[^1] = (items[^1].Text + " " + line, items[^1].Acceptance);
                continue;
            }
            var fragments = numbered ? [line[start.Length..]] : Sentences().Split(line);
            foreach (var fragment in fragments.Select(f => f.Trim()).Where(f => f.Length > 0 && !IsHeading(f) && !IsOnlyTerms(f)))
            {
                var marker = AcceptanceMarker().Match(fragment);
                if (marker.Success && marker.Index == 0 && items.Count > 0)
                    items[^1] = (items[^1].Text, Join(items[^1].Acceptance, TrimPunctuation(fragment[marker.Length..])));
                else
                    items.Add(SplitAcceptance(fragment));
            }
        }
        var result = items.Select((item, i) => new RequirementItem(i + 1, item.Text, item.Acceptance)).ToList();
        return new RequirementDraft(result, deadline, budget);
    }

    private static (string Text, string? Acceptance) SplitAcceptance(string fragment)
    {
        var marker = AcceptanceMarker().Match(fragment);
        if (!marker.Success || marker.Index == 0) return (TrimPunctuation(fragment), null);
        var acceptance = TrimPunctuation(fragment[(marker.Index + marker.Length)..]);
        return (TrimPunctuation(fragment[..marker.Index]), acceptance.Length > 0 ? acceptance : null);
    }

    private static string TrimPunctuation(string s) => s.Trim().Trim('，', ',', '；', ';', '。', '(', '（', ')', '）').Trim();

    private static string Join(string? a, string b) => string.IsNullOrEmpty(a) ? b : a + "; " + b;

    private static bool IsHeading(string line) => Heading().IsMatch(line);

    /// <summary>A line (or sentence) that says nothing but the deadline and/or budget.</summary>
    private static bool IsOnlyTerms(string line)
    {
        var rest = DeadlinePhrase().Replace(BudgetPhrase().Replace(line, ""), "");
        rest = RelativeDeadline().Replace(rest, "");
        return (BudgetPhrase().IsMatch(line) || DeadlinePhrase().IsMatch(line) || RelativeDeadline().IsMatch(line))
               && rest.Trim(' ', '，', ',', '；', ';', '。', '.', '、').Length == 0;
    }

    public static Money? FindBudget(string text)
    {
        var m = BudgetPhrase().Match(text);
        if (!m.Success) return null;
        var amount = decimal.Parse(m.Groups["amt"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number,
            CultureInfo.InvariantCulture);
        amount *= m.Groups["mul"].Value.ToLowerInvariant() switch { "k" or "千" => 1_000m, "万" => 10_000m, _ => 1m };
        var symbol = m.Groups["pre"].Success && m.Groups["pre"].Value.Length > 0 ? m.Groups["pre"].Value : m.Groups["post"].Value;
        return new Money(amount, CurrencyOf(symbol, text));
    }

    private static Currency CurrencyOf(string symbol, string wholeText) => symbol switch
    {
        "$" or "美元" or "美金" or "刀" => Currency.Usd,
        "¥" or "￥" or "元" or "块" or "人民币" => Currency.Cny,
        "€" => Currency.Parse("EUR"),
        "£" => Currency.Parse("GBP"),
        _ when Currency.TryParse(symbol, out var c) => c,
        _ => HasChinese(wholeText) ? Currency.Cny : Currency.Usd,
    };

    private static bool HasChinese(string text) => text.Any(ch => ch is >= '\u4e00' and <= '\u9fff');

    public static DateOnly? FindDeadline(string text, DateOnly sentOn)
    {
        var m = DeadlinePhrase().Match(text);
        if (m.Success)
        {
            var (y, mo, d) = (int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value,
                CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));
            if (mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo)) return new DateOnly(y, mo, d);
        }
        var r = RelativeDeadline().Match(text);
        if (!r.Success) return null;
        var n = int.Parse(r.Groups["n"].Value, CultureInfo.InvariantCulture);
        var unit = r.Groups["unit"].Value.ToLowerInvariant();
        var days = unit.StartsWith("week", StringComparison.Ordinal) || unit.Contains('周', StringComparison.Ordinal)
            ? n * 7 : unit.Contains('月', StringComparison.Ordinal) || unit.StartsWith("month", StringComparison.Ordinal) ? n * 30 : n;
        return sentOn.AddDays(days);
    }

    [GeneratedRegex(@"^\s*(?:[(（]?\d{1,2}\s*[.)、）:：]|[(（]\d{1,2}[)）]|[-*•·])\s*")]
    private static partial Regex ItemStart();

    [GeneratedRegex(@"(?:验收标准|验收|acceptance criteria|acceptance|\bAC\b)\s*[:：]", RegexOptions.IgnoreCase)]
    private static partial Regex AcceptanceMarker();

    [GeneratedRegex(@"^\s*(?:需求(?:如下|清单|列表)?|我的需求|requirements?|we need|i need)\s*[:：]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?<=[。；;!！?？])|(?<=\.)\s+")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"(?:budget|预算|报酬|价格)\s*(?:is|为|是|约|大概|[:：])?\s*(?<pre>[$¥￥€£]|USD|CNY|RMB|EUR|GBP|HKD)?" +
        @"\s*(?<amt>\d[\d,]*(?:\.\d+)?)\s*(?<mul>[kK千万](?![a-z]))?" +
        @"\s*(?<post>USD|CNY|RMB|EUR|GBP|HKD|美元|美金|人民币|元|块|刀)?", RegexOptions.IgnoreCase)]
    private static partial Regex BudgetPhrase();

    [GeneratedRegex(@"(?:deadline|due(?: date| by)?|截止(?:日期|时间)?|交付(?:日期|时间)?|期限)\s*(?:is|为|是|[:：])?" +
        @"\s*(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*日?", RegexOptions.IgnoreCase)]
    private static partial Regex DeadlinePhrase();

    [GeneratedRegex(@"(?:(?:within|in)\s+(?<n>\d{1,3})\s*(?<unit>days?|weeks?|months?)" +
        @"|(?:工期|周期)?\s*(?<n>\d{1,3})\s*(?<unit>天|个?工作日|周|个?星期|个?月)\s*(?:内|以内)?(?:完成|交付|上线)?)", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeDeadline();
}
