using Jiedan.Domain.Contract;
using Jiedan.Contract.Parity;
using Jiedan.Testing;

namespace Jiedan.Contract.Tests;

/// <summary>The parity check itself: it lists what is carried, and a drift on either side is a difference.</summary>
public sealed class ParityTests
{
    private static readonly GeneratedContract Sample = ContractGenerator.Generate(RequirementReader.Read(SampleText, "requirement.yml"));

    internal const string SampleText = """
        service: orders            # proto package and API title; lower_snake
        version: 1.0.0
        terms: { p99_ms: 200, propagation_s: 300, availability: 99.95 }
        entities:
          User:
            description: 下单用户
            fields:
              display_name: { type: string, required: true, min_length: 2, max_length: 32 }
              email:        { type: string, format: email }
              age:          { type: integer, minimum: 0, maximum: 150 }
              status:       { type: enum, values: [active, banned] }
            operations: [create, get, list, update, delete]
            actions:
              rename: { fields: [display_name], emits: UserUpdated }
        """;

    [Fact]
    public void The_samples_terms_are_carried_on_both_sides_and_listed()
    {
        var report = Check(Sample.ProtoText, Sample.OpenApiYaml);

        Assert.True(report.Complete, string.Join("\n", report.Differences));
        Assert.Equal(
            ["terms: x-sla-max-latency (openapi info.x-sla-max-latency; proto header comment)",
             "terms: x-sla-propagation (openapi info.x-sla-propagation; proto header comment)",
             "terms: x-sla-availability (openapi info.x-sla-availability; proto header comment)"],
            report.Carried);
        Assert.Contains(report.Fields, f => f is { Message: "User", Field: "display_name",
            Constraints: "string required min_length=2 max_length=32" });
    }

    [Fact]
    public void Unique_is_carried_as_an_extension_and_listed()
    {
        var contract = Requirements.Generate("probes.yml");

        var report = Check(contract.ProtoText, contract.OpenApiYaml, contract);

        Assert.Contains("Probe.sku: unique (openapi x-unique: true; proto comment jiedan:unique)", report.Carried);
        Assert.Contains(report.Fields, f => f is { Message: "Probe", Field: "tags" } && f.Constraints.Contains("unique_items",
            StringComparison.Ordinal));
    }

    [Fact]
    public void A_length_changed_in_the_openapi_is_a_difference()
    {
        var report = Check(Sample.ProtoText, Sample.OpenApiYaml.Replace("maxLength: 32", "maxLength: 33", StringComparison.Ordinal));

        Assert.False(report.Complete);
        Assert.Contains(report.Differences, d => d.StartsWith("User.display_name: ",
            StringComparison.Ordinal) && d.Contains("max_length=33", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_dropped_from_the_proto_is_a_difference()
    {
        var proto = Sample.ProtoText.Replace("(buf.validate.field).string.email = true", "deprecated = true", StringComparison.Ordinal);

        var report = Check(proto, Sample.OpenApiYaml);

        Assert.Contains(report.Differences, d => d.StartsWith("User.email: ", StringComparison.Ordinal));
    }

    [Fact]
    public void An_enum_value_left_out_of_the_proto_rule_is_a_difference()
    {
        var proto = Sample.ProtoText.Replace("in: [1, 2]", "in: [1]", StringComparison.Ordinal);

        var report = Check(proto, Sample.OpenApiYaml);

        Assert.Contains(report.Differences, d => d.StartsWith("User.status: ", StringComparison.Ordinal) && d.Contains("not enforced",
            StringComparison.Ordinal));
    }

    [Fact]
    public void An_event_schema_missing_from_the_openapi_is_a_difference()
    {
        var report = Check(Sample.ProtoText, Sample.OpenApiYaml.Replace("    UserUpdated:\n", "    UserChanged:\n",
            StringComparison.Ordinal));

        Assert.Contains("UserUpdated: no such schema in openapi.yaml", report.Differences);
    }

    [Fact]
    public void A_field_only_in_the_proto_is_a_difference()
    {
        var proto = Sample.ProtoText.Replace("message UserUpdated {\n", "message UserUpdated {\n  optional string extra = 99;\n",
            StringComparison.Ordinal);

        var report = Check(proto, Sample.OpenApiYaml);

        Assert.Contains("UserUpdated.extra: in the .proto only", report.Differences);
    }

    [Fact]
    public void A_term_missing_from_the_openapi_is_a_difference()
    {
        var report = Check(Sample.ProtoText, Sample.OpenApiYaml.Replace("x-sla-availability", "x-availability", StringComparison.Ordinal));

        Assert.Contains("terms: x-sla-availability is in the .proto and not in openapi.yaml", report.Differences);
    }

    private static ParityReport Check(string proto, string openApi, GeneratedContract? contract = null)
    {
        contract ??= Sample;
        return ContractParity.Check(contract.Plan, ContractTools.DescriptorSet(proto, contract.ProtoFileName), openApi);
    }
}
