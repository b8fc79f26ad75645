using System.Text.RegularExpressions;
using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.Findings;

namespace Jiedan.Domain.Tests.Gate;

public sealed class FindingsTests
{
    [Fact]
    public void Csharp_compiler_sarif_matches_the_builds_own_warnings()
    {
        using var file = Sample.Open("csharp-compiler.sarif");
        var s = SarifReport.Parse(file, "csharp-compiler.sarif");
        // The same build printed these warnings on the console; SARIF level "warning" maps to Medium.
        var printed = File.ReadAllLines(Sample.Path("csharp-compiler-build-warnings.txt"))
            .Select(l => Regex.Match(l, @"warning (\w+):").Groups[1].Value).Order().ToList();
        Assert.Equal(printed.Count, s.Count(Severity.Medium));
        Assert.Equal(printed, s.Samples.Where(f => f.Severity == Severity.Medium).Select(f => f.RuleId).Order().ToList());
        // CA1822 is a suggestion (level "note") the console did not show.
        Assert.Equal("CA1822", Assert.Single(s.Samples, f => f.Severity == Severity.Low).RuleId);
        Assert.Equal(0, s.HighOrWorse);
        Assert.Contains("Microsoft (R) Visual C# Compiler", s.Tools);
        var deref = Assert.Single(s.Samples, f => f.RuleId == "CS8602");
        Assert.Equal(("file:///src/demo/Class1.cs", (long?)11), (deref.File, deref.Line));
    }

    [Fact]
    public void Security_severity_and_default_levels_decide_severity()
    {
        var sarif = """
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"gosec","rules":[
              {"id":"G101","properties":{"security-severity":"9.1"}},
              {"id":"G104","defaultConfiguration":{"level":"error"}},
              {"id":"G307"}]}},
             "results":[
              {"ruleId":"G101","message":{"text":"hard-coded credential"}},
              {"ruleId":"G104","message":{"text":"errors unhandled"}},
              {"ruleId":"G104","level":"note","message":{"text":"errors unhandled"}},
              {"ruleId":"G307","message":{"text":"defer close"}},
              {"ruleId":"G307","kind":"pass","message":{"text":"ok"}},
              {"ruleId":"G307","message":{"text":"suppressed"},"suppressions":[{"kind":"inSource"}]}]}]}
            """;
        var s = SarifReport.Parse(Sample.Text(sarif), "gosec.sarif");
        Assert.Equal(1, s.Count(Severity.Critical));
        Assert.Equal(1, s.Count(Severity.High));
        Assert.Equal(1, s.Count(Severity.Low));
        Assert.Equal(1, s.Count(Severity.Medium));
        Assert.Equal(2, s.HighOrWorse);
        Assert.Equal(1, s.Suppressed);
    }

    [Theory]
    [InlineData("{\"version\":\"2.1.0\",\n\"runs\":[{\n\"results\":[]}]}", 2, "missing required property 'tool'")]
    [InlineData("{\"version\":\"2.0.0\",\"runs\":[]}", 1, "unsupported SARIF version")]
    [InlineData("{\"runs\":[]}", 1, "missing required property 'version'")]
    [InlineData("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{}}}]}", 1, "'name'")]
    [InlineData("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},\n\"results\":[\n{\"ruleId\":\"a\"}]}]}", 3,
        "'message'")]
    [InlineData("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":[{\"message\":{\"text\":\"m\"},\n" +
        "\"level\":\"fatal\"}]}]}", 2, "level is not one of none, note, warning, error")]
    [InlineData("{\"version\":\"2.1.0\",\n\"runs\":[{\"tool\":", 2, "")]
    [InlineData("{\"version\":\"2.1.0\",\n\"runs\":{}}", 2, "must be an array")]
    public void Sarif_not_matching_the_schema_names_the_line(string text, long line, string problem)
    {
        var e = Assert.Throws<GateInputException>(() => SarifReport.Parse(Sample.Text(text), "scan.sarif"));
        Assert.Equal("scan.sarif", e.File);
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Streams_a_report_larger_than_the_buffer()
    {
        // ~3 MB of results across buffer refills, with the driver (and its rules) after the results.
        var sb = new System.Text.StringBuilder("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[\n");
        for (var i = 0; i < 20000; i++)
            sb.Append(i == 0 ? "" : ",\n").Append("{\"ruleId\":\"R").Append(i % 3)
                .Append("\",\"message\":{\"text\":\"").Append(new string('x', 100)).Append("\"}}");
        sb.Append("],\n\"tool\":{\"driver\":{\"name\":\"big\",\"rules\":[{\"id\":\"R0\"" +
            ",\"defaultConfiguration\":{\"level\":\"error\"}}]}}}]}");
        var s = SarifReport.Parse(Sample.Text(sb.ToString()), "big.sarif");
        Assert.Equal(6667, s.HighOrWorse);
        Assert.Equal(20000, s.Total);
    }

    [Fact]
    public void Reads_gosec_json()
    {
        var json = """
            {"Golang errors":{},"Issues":[
              {"severity":"HIGH","confidence":"HIGH","cwe":{"id":"798"},"rule_id":"G101","details":"Potential hardcoded credentials",
              "file":"/src/x.go","code":"","line":"12","column":"2","nosec":false,"suppressions":null},
              {"severity":"MEDIUM","confidence":"HIGH","rule_id":"G304","details":"File inclusion","file":"/src/y.go","line":"3-5",
              "column":"1","nosec":false},
              {"severity":"HIGH","confidence":"LOW","rule_id":"G402","details":"TLS","file":"/src/z.go","line":"9","column":"1",
              "nosec":true}],
             "Stats":{"files":3},"GosecVersion":"dev"}
            """;
        var s = GosecReport.Parse(Sample.Text(json), "gosec.json");
        Assert.Equal(1, s.HighOrWorse);
        Assert.Equal(1, s.Count(Severity.Medium));
        Assert.Equal(1, s.Suppressed);
        Assert.Equal(3, s.Samples.Single(f => f.RuleId == "G304").Line);
    }

    [Fact]
    public void Reads_golangci_lint_json()
    {
        var json = """
            {"Issues":[{"FromLinter":"errcheck","Text":"Error return value is not checked","Severity":"","Pos":{"Filename":"main.go",
            "Line":7}},{"FromLinter":"gosec","Text":"G101","Severity":"error","Pos":{"Filename":"a.go","Line":1}}],"Report":{}}
            """;
        var s = GolangciLintReport.Parse(Sample.Text(json), "lint.json");
        Assert.Equal(1, s.Count(Severity.Medium));
        Assert.Equal(1, s.HighOrWorse);
    }

    [Fact]
    public void Truncated_gosec_json_is_an_error_with_a_line()
    {
        var e = Assert.Throws<GateInputException>(() => GosecReport.Parse(Sample.Text("{\"Issues\":[\n{\"severity\":"), "gosec.json"));
        Assert.Equal(2, e.Line);
    }
}
