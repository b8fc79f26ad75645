using Jiedan.Domain.Contract;
using Jiedan.Testing;

namespace Jiedan.Contract.Tests;

/// <summary>The sample, whole; and the boundary .proto compiled into this assembly is still what the generator writes.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void The_samples_proto_is_as_reviewed()
    {
        var contract = ContractGenerator.Generate(RequirementReader.Read(ParityTests.SampleText, "requirement.yml"));

        Assert.Equal("orders.proto", contract.ProtoFileName);
        Snapshot.Match(contract.ProtoText, "orders.proto");
    }

    [Fact]
    public void The_samples_openapi_is_as_reviewed()
    {
        var contract = ContractGenerator.Generate(RequirementReader.Read(ParityTests.SampleText, "requirement.yml"));

        Assert.StartsWith("openapi: 3.0.3\n", contract.OpenApiYaml, StringComparison.Ordinal);
        Snapshot.Match(contract.OpenApiYaml, "openapi.yaml");
    }

    [Fact]
    public void The_compiled_boundary_proto_is_exactly_what_the_generator_writes()
    {
        var compiled = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Boundaries", "probes.proto"));

        Assert.Equal(compiled, Requirements.Generate("probes.yml").ProtoText);
    }
}
