using System.Diagnostics;
using System.Globalization;
using System.Text;
using Jiedan.Domain.Contract;

namespace Jiedan.Contract.Tests;

/// <summary>Requirement files built to exhaust the reader: each is refused quickly, at a position, without its content.</summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(5);

    [Fact]
    public void A_billion_laughs_document_is_refused_at_its_first_anchor()
    {
        var yaml = new StringBuilder("service: orders\nversion: 1.0.0\nentities:\n  a0: &a0 [SECRET, SECRET]\n");
        for (var i = 1; i < 30; i++) yaml.Append(CultureInfo.InvariantCulture, $"  a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n");

        var (error, elapsed) = Refuse(yaml.ToString());

        Assert.StartsWith("big.yml:4:7: anchors (&name) are not allowed", error.Message, StringComparison.Ordinal);
        Assert.True(elapsed < Generous, $"took {elapsed}");
    }

    [Fact]
    public void A_document_over_the_size_cap_is_refused_before_parsing()
    {
        var yaml = "service: orders\n# " + new string('x', 2 * 1024 * 1024) + "\n";

        var (error, elapsed) = Refuse(yaml);

        Assert.StartsWith("big.yml:1:1: the document is larger than", error.Message, StringComparison.Ordinal);
        Assert.True(elapsed < Generous, $"took {elapsed}");
    }

    [Fact]
    public void Deep_nesting_is_refused_at_the_cap()
    {
        var yaml = "service: orders\nversion: 1.0.0\nentities: " + new string('[', 10_000) + new string(']', 10_000) + "\n";

        var (error, elapsed) = Refuse(yaml);

        Assert.Contains("nested deeper than 32 levels", error.Message, StringComparison.Ordinal);
        Assert.True(elapsed < Generous, $"took {elapsed}");
    }

    [Fact]
    public void A_pattern_built_to_backtrack_is_checked_in_linear_time()
    {
        // (a+)+$ backtracks exponentially in a backtracking engine; the example check runs non-backtracking.
        var yaml = "service: orders\nversion: 1.0.0\nentities:\n  User:\n    fields:\n"
            + $"      code: {{ type: string, pattern: \"^(a+)+$\", example: {new string('a', 5000)}b }}\n";

        var (error, elapsed) = Refuse(yaml);

        Assert.Contains("the example does not meet the field's constraints", error.Message, StringComparison.Ordinal);
        Assert.True(elapsed < Generous, $"took {elapsed}");
    }

    private static (RequirementException Error, TimeSpan Elapsed) Refuse(string yaml)
    {
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<RequirementException>(() => RequirementReader.Read(yaml, "big.yml"));
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
        return (error, clock.Elapsed);
    }
}
