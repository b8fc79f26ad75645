using System.Text.RegularExpressions;

namespace Jiedan.Domain.Bot;

/// <summary>
/// What a clause of a requirement message is when it is not a requirement: a greeting or thanks, a heading that
/// introduces a list, or only the words around a budget or deadline. And how an item's text is tidied.
/// </summary>
internal static partial class RequirementClauses
{
    public static bool IsChatter(string clause) => Chatter().IsMatch(Bare(clause));

    public static bool IsHeading(string clause) => Heading().IsMatch(Bare(clause));

    /// <summary>True when nothing but filler words (and, it, by, 的, 要, 能 ...) would be left.</summary>
    public static bool IsFiller(string text) =>
        !ChineseFiller().Replace(EnglishFiller().Replace(text, " "), " ").Any(char.IsLetterOrDigit);

    /// <summary>Whitespace collapsed, end punctuation and leading connectives (另外, also ...) dropped, brackets kept balanced.</summary>
    public static string Tidy(string text)
    {
        var s = Whitespace().Replace(text, " ");
        for (var before = ""; before != s;)
        {
            before = s;
            s = TrimEnds(s);
            s = LeadingConnective().Replace(s, "");
            s = TrailingChatter().Replace(s, "");
        }
        return s;
    }

    /// <summary>A piece of a voice run next to a cut budget or deadline phrase, without the filler around that phrase.</summary>
    public static string TrimFillerEdges(string piece)
    {
        for (var before = ""; before != piece;)
        {
            before = piece;
            piece = EdgeFiller().Replace(Tidy(piece), "");
        }
        return piece;
    }

    /// <summary>A voice-to-text run (no punctuation at all) broken where the speaker went on to the next thing.</summary>
    public static string[] SplitVoiceRun(string run) => Connective().Split(run);

    public static bool IsVoiceRun(string line)
    {
        if (line.Any(c => Punctuation.Contains(c, StringComparison.Ordinal))) return false;
        var chinese = line.Count(c => c is >= '\u4e00' and <= '\u9fff');
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return chinese >= 20 || words >= 15;
    }

    private const string Punctuation = "，,。.!！?？；;：:、";

    private static string Bare(string clause) => TrimEnds(Whitespace().Replace(clause, " ")).Trim('【', '】', '[', ']');

    private static string TrimEnds(string s)
    {
        s = s.Trim().Trim('，', ',', '；', ';', '。', '.', '!', '！', '?', '？', ':', '：', '、', '-', '–', '—', '~', '|', ' ');
        if (s.Length > 0 && s[0] is '(' or '（' && !s.Contains(s[0] == '(' ? ')' : '）', StringComparison.Ordinal)) s = s[1..];
        if (s.Length > 0 && s[^1] is ')' or '）' && !s.Contains(s[^1] == ')' ? '(' : '（', StringComparison.Ordinal)) s = s[..^1];
        return s.Trim();
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const int Timeout = RequirementParser.RegexTimeoutMs;

    [GeneratedRegex(@"^(?:(?:hi|hello|hey|dear|嗨|哈喽)(?:\s+\S{1,10})?|\p{L}{0,3}(?:你好|您好)(?:呀|啊)?" +
        @"|(?:老师|老板|大家|各位|领导|\p{L}{1,2}[总工哥姐])好|老板|兄弟|哥们|老铁|亲|\p{L}{1,2}(?:经理|总监|老师)" +
        @"|在吗|在不在|谢谢(?:啦|了|老板)?|多谢|感谢|辛苦(?:了|啦)?|麻烦(?:了|啦|评估一下|看一下|看看)?|拜托(?:了|啦)?|期待(?:合作|回复|您的回复)" +
        @"|有个(?:小|急)?(?:活儿?|单子?|需求|项目)|.{0,20}(?:多少钱|报个价|什么价|怎么收费)(?:吗|呢)?|how\s+much.*|(?:时间)?不急" +
        @"|no\s+rush|start\s+asap|(?:simple|small|quick|easy)\s+(?:job|task|gig)" +
        @"|想?咨询一下|请问|可以接吗|能接吗|接吗|能做吗|可以做吗|急|紧急|急单|加急|尽快|越快越好|(?:费用|价格|报酬)?面议" +
        @"|价格(?:可谈|可议|好商量)|可以商量|thanks?(?:\s+you)?(?:\s+(?:in\s+advance|so\s+much))?|thx|ty|cheers|regards|best|urgent" +
        @"|asap|quick\s+(?:job|task|question)|small\s+job|(?:price\s+(?:is\s+)?)?negotiable|open\s+to\s+offers|let\s+me\s+know.*" +
        @"|looking\s+forward.*|please\s+(?:include|send|share|attach)\s.*|dm\s+me.*)$", Options, Timeout)]
    private static partial Regex Chatter();

    [GeneratedRegex(@"^(?:(?:我的|我们的|具体|主要|基本|详细|项目|功能)?(?:需求|要求|功能|内容|功能点|需求点|名称)(?:如下|清单|列表|说明|描述)?" +
        @"|.{0,24}如下|(?:here(?:'s|\s+is)\s+)?what\s+(?:i|we)\s+need|requirements?|scope(?:\s+of\s+work)?|deliverables?|features?" +
        @"|项目|背景|job\s+description|description|overview" +
        @"|nice\s+to\s+haves?|optional|bonus" +
        @"|project(?:\s+(?:overview|details|description|name))?|details|specs?|milestones?|tasks?|to-?do|must[- ]haves?" +
        @"|key\s+features|i\s+need|we\s+need|need|需要)$", Options, Timeout)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\b(?:(?:i|we|you|it|that)['’](?:d|m|re|ll|s)|and|or|it|its|this|that|should|must|needs?|needed|to|be|is|are" +
        @"|was|will|would|could|can|you|i|we" +
        @"|my|our|the|a|an|like|love|want|please|pls|plz|get|got|have|done|delivered|deliver|delivery|finished|finish" +
        @"|complete|completed|ready|live|launch|launched|ship|shipped|by|within|in|before|until|on|at|of|for|no|later|than|deadline|due" +
        @"|date|timeline|turnaround|eta|around|about|approx|approximately|roughly|max|maximum|up|total|budget|price|fixed|pay|paying|rate" +
        @"|offer|fine|great|good|ok|okay|if|possible|asap|latest|success|upon|each|hey|so|hope|results?|them)\b", Options, Timeout)]
    private static partial Regex EnglishFiller();

    [GeneratedRegex(@"可以不|行不行|行不|预计|的话|明年|今年|最晚|最迟|能用上|用上|能用" +
        @"|预算|大概|大约|约|左右|以内|之内|内|之前|以前|前|交付|完成|上线|做完|做好|弄好|搞定|需要|希望|期望|最好|能|可以|吗|呢|吧|啊|哈" +
        @"|工期|周期|时间|截止|日期|期限|价格|费用|报酬|报价|给你|给|是|为|在|整体|全部|一共|总共|总价|不超过|最多|以下|上下|的|了|我们|我|你|就|要求|要" +
        @"|之间|到|至|项目|就行|行|人民币|元|块|整|用", Options, Timeout)]
    private static partial Regex ChineseFiller();

    [GeneratedRegex(@"^(?:(?:hey|hi|hello|so|basically|also|plus|and|then|um|uh|ok|okay)\b[\s,，]*" +
        @"|(?:急|紧急|加急|urgent)[!！:：]?\s+|(?:另外|此外|还有|然后|还要|并且|以及|同时|嗯|呃|额|那个|就是|喂|你好|您好|我想问一下|想问一下)[\s,，]*)+",
        Options, Timeout)]
    private static partial Regex LeadingConnective();

    [GeneratedRegex(@"(?:\s+(?:asap|pls|plz|please|thanks|thx))+$", Options, Timeout)]
    private static partial Regex TrailingChatter();

    [GeneratedRegex(@"(?:\s+(?:we|i|you|can|could|will|would|and|need|it|is|are|about|around)|大概|大约|左右|的话)$"
        , Options, Timeout)]
    private static partial Regex EdgeFiller();

    [GeneratedRegex(@"然后|还有|另外|还要|再加上|并且|以及|\band\s+also\b|\balso\b|\bplus\b|\band\s+then\b", Options, Timeout)]
    private static partial Regex Connective();

    [GeneratedRegex(@"\s+", RegexOptions.None, Timeout)]
    private static partial Regex Whitespace();
}
