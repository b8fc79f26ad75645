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
        policy ??= GatePolicy.Defaults;
        Validate(policy, name);
        return policy;
    }

    private static void Validate(GatePolicy p, string name)
    {
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

    private static void Fail(string name, string field, string problem) =>
        throw new GateInputException(name, null, $"{field}: {problem}");
}
