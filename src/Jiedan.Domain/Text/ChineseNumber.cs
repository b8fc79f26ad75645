namespace Jiedan.Domain.Text;

/// <summary>
/// Reads the numbers clients type in Chinese chat: 三, 十五, 两千, 一百零五, 一万五 (15,000), 一千五 (1,500), 半 (0.5), and the
/// same mixed with digits (3千, 1.5万, 1万5, 5,000, full-width ５０００), and rough ranges by their upper end (两三万 is
/// 30,000). No NuGet package that restores on net10.0 does this (Microsoft.Recognizers.Text.Number fails to restore), so
/// it is written here: small, total, bounded by its length cap.
/// </summary>
public static class ChineseNumber
{
    /// <summary>Longer runs are not amounts or durations a client writes; refusing them keeps the work tiny.</summary>
    public const int MaxLength = 24;

    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        text = text.Trim();
        if (text.IsEmpty || text.Length > MaxLength) return false;
        if (text is "半") { value = 0.5m; return true; }
        decimal total = 0, section = 0, lastUnit = 1;
        decimal? current = null;
        var zeroSinceUnit = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = ToAscii(text[i]);
            if (c is >= '0' and <= '9')
            {
                var start = i;
                while (i + 1 < text.Length && (IsAsciiDigit(text[i + 1]) || text[i + 1] is ',' or '.')) i++;
                if (current is not null || !TryDigits(text[start..(i + 1)], out var digits)) return false;
                current = digits;
                any = true;
                continue;
            }
            var digit = Digit(c);
            if (digit == 0)
            {
                (zeroSinceUnit, any) = (true, true);
                continue;
            }
            if (digit > 0)
            {
                // 两三万, 三四天: two neighbouring digits are a rough range, read as its upper end.
                if (current is not null && !(i > 0 && Digit(text[i - 1]) == digit - 1)) return false;
                (current, any) = (digit, true);
                continue;
            }
            var unit = Unit(c);
            if (unit == 0) return false;
            if (unit == 10_000)
            {
                total += (section + (current ?? (section == 0 ? 1 : 0))) * unit;
                section = 0;
            }
            else
            {
                if (unit >= lastUnit && section != 0 && lastUnit != 10_000) return false;
                section += (current ?? 1) * unit;
            }
            (current, lastUnit, zeroSinceUnit, any) = (null, unit, false, true);
        }
        if (!any) return false;
        // 一万五 is 15,000 and 一千五 is 1,500: a last bare digit counts in the unit below the last one, unless a 零 intervened.
        var tail = current ?? 0;
        if (current is not null && lastUnit > 1 && !zeroSinceUnit && current < 10 && current == decimal.Truncate(current.Value))
            tail *= lastUnit / 10;
        value = total + section + tail;
        return true;
    }

    /// <summary>Full-width digits (０-９) as ASCII; every other character unchanged.</summary>
    public static char ToAscii(char c) => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c;

    private static bool IsAsciiDigit(char c) => ToAscii(c) is >= '0' and <= '9';

    private static bool TryDigits(ReadOnlySpan<char> run, out decimal value)
    {
        Span<char> ascii = stackalloc char[run.Length];
        var n = 0;
        foreach (var c in run)
            if (c != ',') ascii[n++] = ToAscii(c);
        return decimal.TryParse(ascii[..n].TrimEnd('.'), System.Globalization.NumberStyles.AllowDecimalPoint,
            System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    private static int Digit(char c) => c switch
    {
        '零' or '〇' => 0, '一' => 1, '二' or '两' => 2, '三' => 3, '四' => 4,
        '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9, _ => -1,
    };

    private static decimal Unit(char c) => c switch { '十' => 10, '百' => 100, '千' => 1_000, '万' => 10_000, _ => 0 };
}
