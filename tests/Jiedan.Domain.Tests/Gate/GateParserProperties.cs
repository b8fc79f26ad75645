using System.Text;
using CsCheck;
using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.Coverage;
using Jiedan.Domain.Gate.Findings;
using Jiedan.Domain.Gate.GoModules;
using Jiedan.Domain.Gate.Policy;
using Jiedan.Domain.Gate.Testing;
using Jiedan.Domain.Tests.Bot;
using Jiedan.Testing.Properties;

namespace Jiedan.Domain.Tests.Gate;

/// <summary>
/// Evidence files come from the delivered project: each reader returns a value or a GateInputException naming file and line.
/// </summary>
public class GateParserProperties
{
    private const string Name = "evidence.txt";

    public static TheoryData<string> Formats => ["gate-policy", "gomod", "go-coverage", "sarif", "lcov", "cobertura", "go-test-json"];

    private static readonly Dictionary<string, string[]> Tokens = new()
    {
        ["gate-policy"] = ["version: ", "1", "2", "coverage:", "  min: ", "  profiles: [", "]", "goVersion:", "  constraint: ",
            ">=1.20.0, <1.23.0", "tests: { maxFailed: ", "benchmarks: { alpha: ", "}", "enabled: ", "true", "nope", "- ", "~", "&a ",
            "*a", "!!binary ", "1e999", "NaN"],
        ["gomod"] = ["module ", "go ", "toolchain ", "require ", "(", ")", "replace ", "=>", " v1.2.3", "1.22.1", "go1.22.3", "default",
            "//", "\"", "`", "\t"],
        ["go-coverage"] = ["mode: ", "set", "count", "atomic", "a.go:", "1.2,3.4", "10.1,10.5", " 1 ", " 0", "999999999999999999", ".",
            ",", ":", " "],
        ["sarif"] = ["{", "}", "[", "]", ",", "\"version\":", "\"2.1.0\"", "\"runs\":", "\"tool\":", "\"driver\":", "\"name\":",
            "\"rules\":", "\"results\":", "\"message\":", "\"text\":", "\"ruleIndex\":", "\"level\":", "\"error\"",
            "\"security-severity\":", "\"1e400\"", "-2", "2147483648", "\"x\""],
        ["lcov"] = ["SF:", "DA:", "end_of_record", "TN:", "FN:", "BRDA:", "a.c", "1,1", "-1,2", "3,99999999999999999999", ",", ":"],
        ["cobertura"] = ["<coverage>", "</coverage>", "<package name=\"p\">", "</package>", "<class filename=\"a.py\">", "</class>",
            "<methods>", "</methods>", "<line number=\"1\" hits=\"2\"/>", "<line number=\"-1\" hits=\"x\"/>",
            "<!DOCTYPE c [<!ENTITY e \"x\">]>", "&e;", "<![CDATA[", "]]>"],
        ["go-test-json"] = ["{", "}", "\"Action\":", "\"pass\"", "\"fail\"", "\"skip\"", "\"Package\":", "\"Test\":", "\"Elapsed\":",
            "1e400", "\"p\"", ",", ":", "null", "FAIL\tp [build failed]", "[", "]"],
    };

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["gate-policy"] = "policy.yml", ["gomod"] = "go.mod", ["go-coverage"] = "cover.out", ["sarif"] = "small.sarif",
        ["lcov"] = "lcov.info", ["cobertura"] = "coverage.xml", ["go-test-json"] = "test.json",
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Any_text_is_read_or_refused_with_the_file_and_line(string format)
    {
        var sample = File.ReadAllText(BotParserProperties.Seed(format, Samples[format]));
        Gen.OneOf(HostileText.Like(Tokens[format]), HostileText.Text(), Gen.Const(sample).SelectMany(HostileText.Mutated))
            .Sample(text => Check(format, Encoding.UTF8.GetBytes(text)), iter: HostileText.Iterations, threads: 1);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Any_bytes_are_read_or_refused_with_the_file_and_line(string format) =>
        HostileText.Bytes.Sample(bytes => Check(format, bytes), iter: HostileText.Iterations, threads: 1);

    [Theory]
    [InlineData("coverage:\n", "evidence.txt: coverage: is empty")]
    [InlineData("tests: ~\n", "evidence.txt: tests: is empty")]
    [InlineData("coverage:\n  profiles:\n", "evidence.txt: coverage.profiles: must be a list of paths")]
    [InlineData("vulnerabilities:\n  sarif: [a.sarif, ~]\n", "evidence.txt: vulnerabilities.sarif: must be a list of paths")]
    [InlineData("goVersion:\n  constraint:\n", "evidence.txt: goVersion.constraint: is empty")]
    public void An_empty_policy_value_is_an_error_naming_the_field(string yaml, string expected)
    {
        var e = Assert.Throws<GateInputException>(() => GatePolicyReader.Parse(new StringReader(yaml), Name));
        Assert.StartsWith(expected, e.Message);
    }

    /// <summary>
    /// Found by AFL++: YamlDotNet threw InvalidOperationException and ArgumentException, without a mark, out of the gate.
    /// </summary>
    [Theory]
    [InlineData("...\0")]
    [InlineData("!!A!+!7")]
    public void Malformed_yaml_that_yamldotnet_cannot_place_is_an_invalid_policy(string yaml)
    {
        var e = Assert.Throws<GateInputException>(() => GatePolicyReader.Parse(new StringReader(yaml), Name));
        Assert.Equal(1L, e.Line); // BoundedYaml places it at the last good event
        Assert.StartsWith($"{Name}:1: invalid policy at column ", e.Message);
        Assert.Contains("malformed YAML", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_cobertura_file_is_refused_without_a_line_zero(string xml)
    {
        var e = Assert.Throws<GateInputException>(() => CoberturaReport.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), Name));
        Assert.NotEqual(0L, e.Line ?? 1L);
        Assert.Contains("not well-formed XML", e.Message);
    }

    /// <summary>Found by AFL++: GetString() on a string holding invalid UTF-8 threw InvalidOperationException out of the gate.</summary>
    [Theory]
    [InlineData("""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"gosec"}},"results":[{"message":{"text":"?"}}]}]}""", 1)]
    [InlineData("""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"gosec"}},"results":[{"ruleId":"?","message":{"id":"x"}}]}]}""", 1)]
    [InlineData("{\n\"version\": \"?\"}", 2)]
    [InlineData("""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x","rules":[{"properties":{"security-severity":"?"}}]}}}]}""", 1)]
    public void A_sarif_string_that_is_not_utf8_is_refused_at_its_line(string template, long line)
    {
        var e = Assert.Throws<GateInputException>(() => SarifReport.Parse(new MemoryStream(InvalidUtf8(template)), Name));
        Assert.Equal($"{Name}:{line}: a string is not valid UTF-8", e.Message);
    }

    /// <summary>The template's '?' becomes a byte that cannot start a UTF-8 sequence.</summary>
    internal static byte[] InvalidUtf8(string template) =>
        [.. Encoding.UTF8.GetBytes(template).Select(b => b == (byte)'?' ? (byte)0xFF : b)];

    private static void Check(string format, byte[] input) =>
        ParserContract.ValueOr<GateInputException>(() => Parse(format, new MemoryStream(input)), e =>
        {
            Assert.Equal(Name, e.File);
            Assert.True(e.Line is null or >= 1, e.Message);
            Assert.StartsWith(e.Line is { } line ? $"{Name}:{line}: " : $"{Name}: ", e.Message);
        });

    private static object Parse(string format, Stream input) => format switch
    {
        "gate-policy" => GatePolicyReader.Parse(new StreamReader(input), Name),
        "gomod" => GoModFile.Parse(new StreamReader(input), Name),
        "go-coverage" => GoCoverageProfile.Summarize([(input, Name)]),
        "sarif" => SarifReport.Parse(input, Name),
        "lcov" => LcovReport.Parse(new StreamReader(input), Name),
        "cobertura" => CoberturaReport.Parse(input, Name),
        "go-test-json" => GoTestJson.Parse(new StreamReader(input), Name),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
