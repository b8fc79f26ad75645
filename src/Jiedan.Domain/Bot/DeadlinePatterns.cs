using System.Text.RegularExpressions;

namespace Jiedan.Domain.Bot;

/// <summary>The phrases <see cref="DeadlineReader"/> looks for, most specific first.</summary>
internal static partial class DeadlineReader
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const int Timeout = RequirementParser.RegexTimeoutMs;
    private const string Months = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?" +
        "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private const string ZhNumber = "[0-9一二三四五六七八九十]{1,3}";

    [GeneratedRegex(@"(?<y>20\d\d)\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*[日号]?", Options, Timeout)]
    private static partial Regex FullDate();

    [GeneratedRegex(@"(?<![\d/])(?<m>\d{1,2})/(?<d>\d{1,2})(?:/(?<y>20\d\d))?(?![\d/])", Options, Timeout)]
    private static partial Regex UsDate();

    [GeneratedRegex(@"(?<m>" + ZhNumber + @")\s*月\s*(?<d>" + ZhNumber + @")\s*[日号]", Options, Timeout)]
    private static partial Regex ChineseMonthDay();

    [GeneratedRegex(@"\b(?:(?<mon>" + Months + @")\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?|(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<mon>" + Months +
        @"))\b(?:,?\s*(?<y>20\d\d)\b)?", Options, Timeout)]
    private static partial Regex EnglishMonthDay();

    [GeneratedRegex(@"(?<rel>下个?月|本月|这个?月)\s*(?<d>" + ZhNumber + @")\s*[日号]", Options, Timeout)]
    private static partial Regex RelativeMonthDay();

    [GeneratedRegex(@"(?<rel>下个?|本|这个?)?月(?<pos>底|末|中旬|上旬|下旬)|(?<m>\d{1,2})\s*月(?<pos>底|末|中旬|上旬|下旬|中)|(?<year>年)(?:底|末)" +
        @"|(?<rel>下个?)月", Options, Timeout)]
    private static partial Regex MonthEnd();

    [GeneratedRegex(@"\bend\s+of\s+(?:the\s+)?(?:(?<which>this|next)\s+)?(?:(?<what>month|week|year)|(?<mon>" + Months + @"))\b" +
        @"|\beo(?<what>[mwy])\b|\bwithin\s+the\s+(?<what>month|week|year)\b", Options, Timeout)]
    private static partial Regex EndOf();

    [GeneratedRegex(@"(?<d>\d{1,2})\s*号|\bthe\s+(?<d>\d{1,2})(?:st|nd|rd|th)\b", Options, Timeout)]
    private static partial Regex DayOnly();

    [GeneratedRegex(@"(?<rel>下下?个?|本|这个?)?(?:周|星期|礼拜)(?<wd>[一二三四五六日天1-7])" +
        @"|\b(?:(?<rel>this|next)\s+)?(?<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday" +
        @"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b",
        Options, Timeout)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"明天|后天|今天|\btomorrow\b|\btoday\b", Options, Timeout)]
    private static partial Regex Tomorrow();

    [GeneratedRegex(@"\b(?:christmas|xmas|new\s+year'?s?(?:\s+day)?)\b|圣诞节?|元旦|国庆节?|春节|过年", Options, Timeout)]
    private static partial Regex Holiday();

    [GeneratedRegex(@"(?:[0-9一二两三四五六七八九十]{1,3}\s*(?:-|~|～|到|至)\s*)?(?<n>[0-9一二两三四五六七八九十]{1,3}|半)\s*个?\s*" +
        @"(?<unit>工作日|天|周|星期|礼拜|月)" +
        @"|\b(?:\d{1,3}\s*(?:-|–|to)\s*)?(?<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen" +
        @"|couple\s+of)\s*(?<unit>(?:business|working)\s+days?|days?|weeks?|wks?|months?|hours?|hrs?)\b", Options, Timeout)]
    private static partial Regex Duration();

    [GeneratedRegex(@"(?:\b(?:deadline|due(?:\s+date)?|by|before|until|till|within|in|no\s+later\s+than|eta|turnaround|timeline)" +
        @"|截止(?:日期|时间)?|交付(?:日期|时间)?|期限|工期|周期|要求|希望|期望|需要在|需要|要在|最好)\s*[:：]?\s*$", Options, Timeout)]
    private static partial Regex PreContext();

    [GeneratedRegex(@"^(?:\s*(?:以内|之内|内|之前|以前|前|左右))?(?:\s*(?:能|可以|就要|就|要|需要|必须|得))?" +
        @"(?:\s*(?:交付|完成|上线|做完|做好|弄好|搞定|交货|交|用上|用))?(?:\s*(?:吗|呢|哈|啊|吧|最好))?", Options, Timeout)]
    private static partial Regex PostContext();

    [GeneratedRegex(@"内|前|交付|完成|上线|做完|做好|弄好|搞定|交货|用上", Options, Timeout)]
    private static partial Regex StrongPost();
}
