using System.Text.RegularExpressions;
using Jiedan.Domain.Currencies;
using Jiedan.Domain.Text;

namespace Jiedan.Domain.Bot;

/// <summary>
/// Budget phrases in a line: an amount after a budget word, or an amount with a currency. A range (3,000 - 4,000, 2-3万)
/// gives its upper end; k is a thousand, w and 万 ten thousand; an amount per hour or month is a rate, not a budget.
/// </summary>
internal static partial class BudgetReader
{
    private const string Num = "[0-9零〇一二两三四五六七八九十百千万][0-9,.零〇一二两三四五六七八九十百千万]{0,23}";
    private const string Pre = @"(?:(?<pre>us\$|\$|¥|￥|€|£|\busd|\brmb|\bcny|\beur|\bgbp|\bhkd|人民币)\s*)?";
    private const string Multiplier = @"(?:(?<mul>[kw])\b|\s?(?<mul>[千万]))?";
    private const string Range = @"(?:\s*(?:-|–|~|～|到|至|\bto\b)\s*(?:us\$|\$|¥|￥|€|£)?\s*(?<num2>" + Num + @")" +
        @"(?:(?<mul2>[kw])\b|\s?(?<mul2>[千万]))?)?";
    private const string Post = @"(?:\s*(?<post>usd|rmb|cny|eur|gbp|hkd|dollars?|bucks|美元|美金|刀|人民币|元|块钱|块|欧元|\$))?";
    private const string Rate = @"(?<rate>\s*(?:/\s*(?:hr|hour|h|month|mo|year|yr|week|day|小时|月|天|年|篇|个|张|页)|per\s+[a-z]+\b|each\b" +
        @"|an?\s+(?:hour|month|piece)|每(?:小时|月|篇|个|张|页)))?";
    private const string Amount = Pre + "(?<num>" + Num + ")" + Multiplier + Range + Post + Rate;

    public static IEnumerable<TermSpan> Find(string line, bool chineseText)
    {
        var spans = new List<TermSpan>();
        foreach (Match m in Keyword().Matches(line))
            spans.Add(Span(m, TermKind.Budget, chineseText));
        foreach (Match m in CurrencyAmount().Matches(line))
        {
            if (!m.Groups["pre"].Success && !m.Groups["post"].Success) continue;
            if (spans.Any(s => s.Overlaps(m.Index, m.Index + m.Length))) continue;
            spans.Add(Span(m, TermKind.Amount, chineseText));
        }
        return spans.Where(s => s.Kind == TermKind.Rate || s.Budget is not null);
    }

    private static TermSpan Span(Match m, TermKind kind, bool chineseText)
    {
        var end = TrimmedEnd(m);
        var start = m.Index + (m.Value.Length - m.Value.TrimStart().Length);
        if (m.Groups["rate"].Length > 0) return new TermSpan(start, end, TermKind.Rate, true);
        var (num, mul) = m.Groups["num2"].Success ? ("num2", "mul2") : ("num", "mul");
        var amount = Value(m.Groups[num].Value, m.Groups[mul].Value);
        if (amount is null or <= 0) return new TermSpan(start, end, kind, true);
        var symbol = new[] { m.Groups["pre"].Value, m.Groups["post"].Value, CurrencyWord(m.Groups["fill"].Value) }
            .FirstOrDefault(s => s.Length > 0) ?? "";
        return new TermSpan(start, end, kind, true, new Money(amount.Value, CurrencyOf(symbol, chineseText)));
    }

    /// <summary>"Budget $1,800." ends before its full stop: the number pattern takes trailing separators along.</summary>
    private static int TrimmedEnd(Match m)
    {
        var end = m.Index + m.Length;
        while (end > m.Index && m.Value[end - m.Index - 1] is ',' or '.' or ' ') end--;
        return end;
    }

    private static decimal? Value(string number, string multiplier)
    {
        if (!ChineseNumber.TryParse(number.TrimEnd(',', '.'), out var value)) return null;
        return value * multiplier.ToUpperInvariant() switch { "K" or "千" => 1_000m, "W" or "万" => 10_000m, _ => 1m };
    }

    private static string CurrencyWord(string filler) => CurrencyInFiller().Match(filler).Value;

    private static Currency CurrencyOf(string symbol, bool chineseText) => symbol.ToUpperInvariant() switch
    {
        "$" or "US$" or "USD" or "DOLLAR" or "DOLLARS" or "BUCKS" or "美元" or "美金" or "刀" => Currency.Usd,
        "¥" or "￥" or "元" or "块" or "块钱" or "人民币" or "RMB" or "CNY" => Currency.Cny,
        "€" or "EUR" or "欧元" => Currency.Parse("EUR"),
        "£" or "GBP" => Currency.Parse("GBP"),
        var code when Currency.TryParse(code, out var c) => c,
        _ => chineseText ? Currency.Cny : Currency.Usd,
    };

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const int Timeout = RequirementParser.RegexTimeoutMs;

    [GeneratedRegex(@"(?:预算|报价|费用|价格|报酬|酬劳|总价|给你|\b(?:budget|fixed\s+price|price|payment|paying|pay|rate|offer)\b)" +
        @"(?<fill>[^0-9\n$¥￥€£。；;!?！？，,零〇一二两三四五六七八九十百千万]{0,24})" + Amount, Options, Timeout)]
    private static partial Regex Keyword();

    [GeneratedRegex(Amount, Options, Timeout)]
    private static partial Regex CurrencyAmount();

    [GeneratedRegex(@"us\$|\$|¥|￥|€|£|\busd\b|\brmb\b|\bcny\b|\beur\b|人民币", Options, Timeout)]
    private static partial Regex CurrencyInFiller();
}
