using Jiedan.Domain.Gate.GoModules;
using Jiedan.Domain.Parsing;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Jiedan.Domain.Gate.Policy;

/// <summary>Reads <c>jiedan.gate.yml</c>; unknown keys, wrong types and out-of-range thresholds are errors with a line.</summary>
public static class GatePolicyReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static GatePolicy Parse(TextReader content, string name)
    {
        GatePolicy? policy;
        try
        {
            policy = BoundedYaml.Read(BoundedYaml.ReadText(content), parser => Deserializer.Deserialize<GatePolicy?>(parser));
        }
        catch (PositionedParseException e)
        {
            throw new GateInputException(name, e.Line, $"invalid policy at column {e.Column}: {e.Problem}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's parser fails without a mark on some malformed input ("...\0", "!!A!+!7").
            throw new GateInputException(name, null, "invalid policy: malformed YAML", e);
        }
        policy ??= GatePolicy.Defaults;
        Validate(policy, name);
        return policy;
    }

    private static void Validate(GatePolicy p, string name)
    {
        NoEmptyValues(p, name);
        if (p.Version != 1) Fail(name, "version", $"unsupported policy version {p.Version} (expected 1)");
        if (p.Coverage.Min is < 0 or > 100) Fail(name, "coverage.min", "must be between 0 and 100");
        if (p.Vulnerabilities.MaxHigh < 0) Fail(name, "vulnerabilities.maxHigh", "must not be negative");
        if (p.ApiDocs.Min is < 0 or > 100) Fail(name, "apiDocs.min", "must be between 0 and 100");
        if (p.Complexity.Max < 1) Fail(name, "complexity.max", "must be at least 1");
        if (p.GoVersion.Enabled && !VersionConstraint.TryParse(p.GoVersion.Constraint, out _, out var error))
            Fail(name, "goVersion.constraint", error);
        if (p.Tests.MaxFailed < 0) Fail(name, "tests.maxFailed", "must not be negative");
        if (p.Benchmarks.MaxRegression < 0) Fail(name, "benchmarks.maxRegression", "must not be negative");
        if (p.Benchmarks.Alpha is <= 0 or >= 1) Fail(name, "benchmarks.alpha", "must be between 0 and 1");
    }

    /// <summary>YAML's empty value (<c>coverage:</c>, <c>~</c>) deserializes to null even where the policy has a default.</summary>
    private static void NoEmptyValues(GatePolicy p, string name)
    {
        (string Field, object? Value)[] sections =
        [
            ("coverage", p.Coverage), ("vulnerabilities", p.Vulnerabilities), ("apiDocs", p.ApiDocs), ("complexity", p.Complexity),
            ("goVersion", p.GoVersion), ("tests", p.Tests), ("benchmarks", p.Benchmarks),
        ];
        foreach (var (field, value) in sections)
            if (value is null) Fail(name, field, "is empty (leave it out for the defaults)");
        (string Field, List<string>? Paths)[] lists =
        [
            ("coverage.profiles", p.Coverage.Profiles), ("coverage.cobertura", p.Coverage.Cobertura), ("coverage.lcov", p.Coverage.Lcov),
            ("vulnerabilities.gosec", p.Vulnerabilities.Gosec), ("vulnerabilities.sarif", p.Vulnerabilities.Sarif),
            ("vulnerabilities.golangci", p.Vulnerabilities.Golangci),
        ];
        foreach (var (field, paths) in lists)
            if (paths is null || paths.Any(string.IsNullOrEmpty)) Fail(name, field, "must be a list of paths, without empty entries");
        if (p.GoVersion.Constraint is null) Fail(name, "goVersion.constraint", "is empty");
    }

    private static void Fail(string name, string field, string problem) =>
        throw new GateInputException(name, null, $"{field}: {problem}");
}
