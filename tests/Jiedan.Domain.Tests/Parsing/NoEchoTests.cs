using System.Text;
using Jiedan.Domain.Calendar;
using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.ApiDocs;
using Jiedan.Domain.Gate.Benchmarks;
using Jiedan.Domain.Gate.Complexity;
using Jiedan.Domain.Gate.Coverage;
using Jiedan.Domain.Gate.Findings;
using Jiedan.Domain.Gate.GoModules;
using Jiedan.Domain.Gate.Testing;
using Jiedan.Domain.Quote.Calibration;
using Jiedan.Domain.Quote.Spec;

namespace Jiedan.Domain.Tests.Parsing;

/// <summary>
/// Every text parser in the Domain, fed a document whose offending part is a secret-looking value: the error names
/// the place and the problem and never repeats the secret (a gate or quote pointed at /etc/shadow must not leak it).
/// </summary>
public sealed class NoEchoTests
{
    private const string Secret = "Sup3rS3cret";

    private static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    public static TheoryData<string, string> Cases => new()
    {
        { "go bench: value", $"BenchmarkX-8 100 {Secret} ns/op\n" },
        { "go bench: unit", $"BenchmarkX-8 100 5 ns/op {Secret}\n" },
        { "served routes", $"{Secret}\n" },
        { "complexity", $"{Secret}\n" },
        { "lcov: record", $"{Secret}\n" },
        { "lcov: DA", $"SF:a.go\nDA:{Secret}\n" },
        { "go.mod: directive", $"module m\n{Secret} x\n" },
        { "go.mod: go", $"module m\ngo {Secret}\n" },
        { "go.mod: toolchain", $"module m\ntoolchain {Secret}\n" },
        { "go.mod: block", $"module m\n{Secret} (\n" },
        { "go test -json: syntax", $"{{\"Action\": {Secret}}}\n" },
        { "go test -json: type", $"{{\"Action\":\"run\",\"Elapsed\":\"{Secret}\"}}\n" },
        { "gosec: type", $"{{\"Issues\":\"{Secret}\"}}" },
        { "gosec: syntax", $"{{\"Issues\":[{Secret}]}}" },
        { "golangci-lint (gate)", $"{{\"Issues\":[{{\"{Secret}\": {Secret}}}]}}" },
        { "golangci-lint (quote)", $"{{\"Issues\": {Secret}}}" },
        { "sarif: version", $"{{\"version\":\"{Secret}\",\"runs\":[]}}" },
        { "sarif: syntax", $"{{\"version\": {Secret}}}" },
        {
            "sarif: level",
            "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},"
            + $"\"results\":[{{\"message\":{{\"text\":\"m\"}},\"level\":\"{Secret}\"}}]}}]}}"
        },
        { "coverage profile: mode", $"mode: {Secret}\n" },
        { "coverage profile: block", $"mode: set\n{Secret}\n" },
        { "coverage profile: column", $"mode: set\na.go:1.{Secret},2.1 1 1\n" },
        { "openapi: json", $"{{\"openapi\": {Secret}}}" },
        { "openapi: yaml", $"openapi: 3.0.0\ninfo: [{Secret}\n" },
        { "openapi: not openapi", $"root:{Secret}:19000:0:99999:7:::\n" },
        { "history csv: value", $"Effort,lines\n{Secret},10\n" },
        { "history csv: header", $"{Secret},lines\n1,10\n" },
        { "version constraint", $">= {Secret}" },
        { "semantic version", Secret },
        { "quote spec: platform", $"platform: {Secret}\nseniority: mid\nsla: {{p99_ms: 100, uptime_percent: 99}}\nsize: {{lines: 10}}\n" },
        { "quote spec: number", $"platform: upwork\nseniority: mid\nsla: {{p99_ms: {Secret}, uptime_percent: 99}}\nsize: {{lines: 10}}\n" },
        { "quote spec: bool",
            $"platform: upwork\nseniority: mid\nsla: {{p99_ms: 1, uptime_percent: 99}}\ntech_debt: {{measure: {Secret}}}" },
        { "calendar: date", $"holidays: [{Secret}]\n" },
        { "gate policy: value", $"coverage:\n  min: {Secret}\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ParserError_DoesNotRepeatTheInput(string parser, string text)
    {
        var e = await Record.ExceptionAsync(() => Parse(parser, text));
        Assert.NotNull(e);
        Assert.True(e is GateInputException or FormatException or CalendarFileException, $"{parser}: {e.GetType().Name}: {e.Message}");
        Assert.DoesNotContain(Secret, e.Message);
        Assert.DoesNotContain("S3cret", e.Message);
    }

    private static async Task Parse(string parser, string text)
    {
        var kind = parser.Split(':')[0];
        switch (kind)
        {
            case "go bench": GoBenchOutput.Parse(new StringReader(text), "bench.txt"); break;
            case "served routes": ServedRoutes.Parse(new StringReader(text), "routes.txt"); break;
            case "complexity": ComplexityReport.Parse(new StringReader(text), "gocyclo.txt"); break;
            case "lcov": LcovReport.Parse(new StringReader(text), "lcov.info"); break;
            case "go.mod": GoModFile.Parse(new StringReader(text), "go.mod"); break;
            case "go test -json": GoTestJson.Parse(new StringReader(text), "test.json"); break;
            case "gosec": GosecReport.Parse(Bytes(text), "gosec.json"); break;
            case "golangci-lint (gate)": Jiedan.Domain.Gate.Findings.GolangciLintReport.Parse(Bytes(text), "lint.json"); break;
            case "golangci-lint (quote)": Jiedan.Domain.Quote.GolangciLintReport.Parse(Bytes(text)); break;
            case "sarif": SarifReport.Parse(Bytes(text), "scan.sarif"); break;
            case "coverage profile": new GoCoverageProfile().Add(Bytes(text), "cover.out"); break;
            case "openapi": await OpenApiCompleteness.ParseAsync(Bytes(text), "openapi", TestContext.Current.CancellationToken); break;
            case "history csv": HistoryCsv.Read(new StringReader(text), "h.csv", new HistoryColumns("Effort", "lines", "fp", null)); break;
            case "version constraint": VersionConstraint.Parse(text); break;
            case "semantic version": SemanticVersion.Parse(text); break;
            case "quote spec": QuoteSpecParser.Parse(text, "spec.yml"); break;
            case "calendar": CalendarFile.Parse(text, "cn.yml"); break;
            case "gate policy": Jiedan.Domain.Gate.Policy.GatePolicyReader.Parse(new StringReader(text), "jiedan.gate.yml"); break;
            default: throw new ArgumentException(parser);
        }
    }
}
