using CsCheck;
using Jiedan.Domain.Quote.Spec;
using Jiedan.Domain.Tests.Bot;
using Jiedan.Testing.Properties;

namespace Jiedan.Domain.Tests.Quote;

/// <summary>A quote spec (YAML or JSON, from a file or the API) is a spec or a QuoteSpecException at a line and field.</summary>
public class QuoteSpecProperties
{
    private static readonly string[] YamlTokens =
    [
        "platform: ", "seniority: ", "currency: ", "sla:", "  p99_ms: ", "  uptime_percent: ", "size:", "  lines: ", "  repository: ",
        "hourly_rate: { low: ", ", high: ", " }", "function_points:", "  - feature: ", "    chain: ", " → ", "    steps:", "      A: ",
        "EI average", "tech_debt: { ratio_percent: ", "weights: { size: ", "validity_days: ", "factors: { ", "upwork", "senior", "USD",
        "99.9", "150", "1e30", "-1", "0x10", "1_000", "~", "null", "'", "\"", "- ", "? ", ": ", "{", "}", "[", "]", "|", ">", "---", "...",
        "!!str ", "!!int ", "&a ", "*a", "<<: *a", "%YAML 1.2", "#", "\t", "  ",
    ];

    [Fact]
    public void Any_text_is_a_spec_or_an_error_at_a_line_and_field() =>
        Gen.OneOf(HostileText.Like(YamlTokens, lines: 12), HostileText.Text(),
                Gen.Const(File.ReadAllText(BotParserProperties.Seed("quote-spec", "quote.yml"))).SelectMany(HostileText.Mutated),
                Gen.Const(File.ReadAllText(BotParserProperties.Seed("quote-spec", "small.yml"))).SelectMany(HostileText.Mutated))
            .Sample(text => ParserContract.ValueOr<QuoteSpecException>(() => QuoteSpecParser.Parse(text, "spec.yml"), e =>
            {
                Assert.True(e.Mark.Line >= 1 && e.Mark.Column >= 1, e.Message);
                Assert.NotEmpty(e.Field);
                Assert.StartsWith($"spec.yml:{e.Mark.Line}:{e.Mark.Column}: {e.Field}: ", e.Message);
            }), iter: HostileText.Iterations, threads: 1);

    /// <summary>Found by AFL++: YamlDotNet's node builder threw ArgumentException ("unsupported event") for a NUL key.</summary>
    [Theory]
    [InlineData("\0: 0")]
    [InlineData("platform: upwork\n\0: x\n")]
    [InlineData("...\0")]
    [InlineData("!!A!+!7")]
    public void A_nul_key_is_malformed_yaml_at_a_line(string text)
    {
        var e = Assert.Throws<QuoteSpecException>(() => QuoteSpecParser.Parse(text, "spec.yml"));
        Assert.Equal("(yaml)", e.Field);
        Assert.True(e.Mark.Line >= 1);
    }

    /// <summary>Found by the property above: an empty top-level key was reported with an empty field name.</summary>
    [Fact]
    public void An_empty_key_is_named_as_such()
    {
        var e = Assert.Throws<QuoteSpecException>(() => QuoteSpecParser.Parse("platform: upwork\n: 99.9\n", "spec.yml"));
        Assert.Equal("(empty key)", e.Field);
    }
}
